"""kzru-bot: Kazakhstan–Russia relations, cited, in Kazakh, Russian and English."""

import os

# One BLAS thread: the engine's only matrix product is a small matrix-vector one (~0.1 ms), and
# a second BLAS thread waits for the core the model's worker thread is using, which made that
# product ~15× slower inside the bot (benchmarks/bot_throughput.py, distinct questions: 0.21× → 0.28× echo). Set
# before numpy is first imported; an operator's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
