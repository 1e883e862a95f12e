# syntax=docker/dockerfile:1

# Builder: install the locked dependencies, then gate on Ruff.
FROM python:3.13-slim AS builder
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /uvx /bin/
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY src/ ./src/
RUN uv sync --frozen --no-dev
# Quality gate: an unfixable lint error fails the build.
RUN uv run --frozen --no-dev ruff check --fix . && \
    uv run --frozen --no-dev ruff format .
RUN addgroup --system --gid 1001 appgroup && \
    adduser --system --uid 1001 --ingroup appgroup appuser

# Runtime: distroless, no shell, non-root. The distroless image ships Debian 12's
# Python 3.11, so the builder's 3.13 interpreter is copied in beside the venv.
FROM gcr.io/distroless/python3-debian12
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
COPY --from=builder /usr/local/lib/ /usr/local/lib/
COPY --from=builder /usr/local/bin/python3.13 /usr/local/bin/python3.13
WORKDIR /app
COPY --from=builder --chown=appuser:appgroup /app/.venv /app/.venv
COPY --from=builder --chown=appuser:appgroup /app/src /app/src
ENV PATH="/app/.venv/bin:${PATH}" \
    LD_LIBRARY_PATH="/usr/local/lib"
USER appuser
ENTRYPOINT ["/app/.venv/bin/python", "-m", "strictpy"]
