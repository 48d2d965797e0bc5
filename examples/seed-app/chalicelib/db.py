"""Database access: SQLAlchemy over psycopg2, one engine per Lambda container."""
import os
from functools import lru_cache

from sqlalchemy import DateTime, Integer, String, Text, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at = mapped_column(DateTime(timezone=True))


@lru_cache(maxsize=1)
def engine():
    return create_engine(os.environ["DATABASE_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True)


def recent_posts(limit: int = 20) -> list[Post]:
    with Session(engine()) as session:
        return list(session.scalars(select(Post).order_by(Post.created_at.desc()).limit(limit)))
