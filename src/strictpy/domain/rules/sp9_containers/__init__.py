"""SP9: Dockerfile, compose and ignore files (ruleset 4.6, 9)."""

from strictpy.domain.rules.sp9_containers.compose_app_not_built import (
    ComposeAppNotBuilt,
)
from strictpy.domain.rules.sp9_containers.compose_no_env_file import ComposeNoEnvFile
from strictpy.domain.rules.sp9_containers.compose_no_healthcheck import (
    ComposeNoHealthcheck,
)
from strictpy.domain.rules.sp9_containers.compose_no_network import ComposeNoNetwork
from strictpy.domain.rules.sp9_containers.compose_no_volume import ComposeNoVolume
from strictpy.domain.rules.sp9_containers.compose_unpinned_image import (
    ComposeUnpinnedImage,
)
from strictpy.domain.rules.sp9_containers.dockerignore_entries import (
    DockerignoreEntries,
)
from strictpy.domain.rules.sp9_containers.entrypoint_not_module import (
    EntrypointNotModule,
)
from strictpy.domain.rules.sp9_containers.gitignore_entries import GitignoreEntries
from strictpy.domain.rules.sp9_containers.no_frozen_sync import NoFrozenSync
from strictpy.domain.rules.sp9_containers.no_lint_gate import NoLintGate
from strictpy.domain.rules.sp9_containers.root_runtime import RootRuntime
from strictpy.domain.rules.sp9_containers.runtime_incomplete import RuntimeIncomplete
from strictpy.domain.rules.sp9_containers.secret_in_image import SecretInImage
from strictpy.domain.rules.sp9_containers.shell_form_command import ShellFormCommand
from strictpy.domain.rules.sp9_containers.single_stage_dockerfile import (
    SingleStageDockerfile,
)
from strictpy.domain.rules.sp9_containers.tests_in_build import TestsInBuild
from strictpy.domain.rules.sp9_containers.uv_not_from_official_image import (
    UvNotFromOfficialImage,
)
from strictpy.domain.rules.sp9_containers.wrong_builder_image import WrongBuilderImage
from strictpy.domain.rules.sp9_containers.wrong_runtime_image import WrongRuntimeImage

__all__ = ["RULES"]

RULES = (
    SingleStageDockerfile,
    WrongBuilderImage,
    WrongRuntimeImage,
    UvNotFromOfficialImage,
    NoFrozenSync,
    NoLintGate,
    TestsInBuild,
    RootRuntime,
    ShellFormCommand,
    SecretInImage,
    RuntimeIncomplete,
    EntrypointNotModule,
    GitignoreEntries,
    DockerignoreEntries,
    ComposeAppNotBuilt,
    ComposeUnpinnedImage,
    ComposeNoHealthcheck,
    ComposeNoEnvFile,
    ComposeNoVolume,
    ComposeNoNetwork,
)
