"""The web app: ``create_app(db)`` returns a FastAPI application (see ``app.py``)."""

from __future__ import annotations

from mljobs.web.app import create_app

__all__ = ["create_app"]
