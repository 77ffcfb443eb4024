"""kzru-bot: Kazakhstan–Russia relations, cited, in Kazakh, Russian and English."""
