"""The use cases: what the bot does for a chat, as functions of plain values and the core's objects.

Handlers parse an update, call one use case and render its result; the rules live here so they
can be tested without Telegram. Every dependency (the fact store, the repository, the engine,
the current time) is passed in, never read from a global, as in cosmicpython's service layer.
Modules: `browse` (lists, days, deep links), `subscriptions`, `language`, `operators`.
"""
