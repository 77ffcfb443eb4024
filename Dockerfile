FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    KZRU_DB_PATH=/data/kzru.sqlite3 MPLCONFIGDIR=/tmp/matplotlib

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY data ./data
RUN pip install . && kzru-bot data check

RUN useradd --system --uid 10001 --home-dir /data kzru && mkdir -p /data && chown kzru /data
USER kzru
VOLUME ["/data"]

CMD ["kzru-bot", "run"]
