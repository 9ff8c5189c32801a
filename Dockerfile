# SafeShare as a container: `safeshare serve` on 0.0.0.0:3978, as a non-root user.
# Credentials and settings come from the environment (see README "Deploy to Azure"):
#   MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId,
#   SAFESHARE_STORAGE=blob and AZURE_STORAGE_CONNECTION_STRING for two or more instances.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SAFESHARE_STATE_FILE=/data/safeshare-state.sqlite3 \
    SAFESHARE_REPORTS=/data/reports.sqlite3 \
    SAFESHARE_FAX_LOG=/data/fax-log.sqlite3

RUN useradd --system --create-home --uid 10001 safeshare \
    && mkdir /data && chown safeshare /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY manifest ./manifest
COPY bot ./bot
COPY dialogs ./dialogs
COPY knowledge ./knowledge
COPY packager ./packager
RUN pip install --no-compile '.[azure]' && rm -rf /root/.cache

USER safeshare
WORKDIR /data
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:3978/healthz', timeout=4).status != 200)"]
# Without MicrosoftAppId the server refuses 0.0.0.0 (anonymous mode is for a laptop only).
CMD ["safeshare", "serve", "--host", "0.0.0.0", "--port", "3978"]
