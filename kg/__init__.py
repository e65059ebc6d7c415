"""kg: a knowledge graph of officials, government bodies, enterprises, parks and projects
from Chinese government and industry news."""
from kg.model import Article, Document, Mention, Relation, Sentence, Span

__all__ = ["Article", "Document", "Mention", "Relation", "Sentence", "Span"]
