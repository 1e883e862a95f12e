"""SP6 rules; registered in code order in RULES."""

from strictpy.domain.rules.sp6_async.blocking_call_in_async import (
    BlockingCallInAsync,
)
from strictpy.domain.rules.sp6_async.custom_event_loop_policy import (
    CustomEventLoopPolicy,
)
from strictpy.domain.rules.sp6_async.global_mutable_state import GlobalMutableState
from strictpy.domain.rules.sp6_async.no_graceful_shutdown import NoGracefulShutdown
from strictpy.domain.rules.sp6_async.non_aiohttp_http_client import (
    NonAiohttpHttpClient,
)
from strictpy.domain.rules.sp6_async.sync_orm_in_async import SyncOrmInAsync

__all__ = ["RULES"]

RULES = (
    BlockingCallInAsync,
    NonAiohttpHttpClient,
    CustomEventLoopPolicy,
    GlobalMutableState,
    NoGracefulShutdown,
    SyncOrmInAsync,
)
