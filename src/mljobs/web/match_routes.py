"""The /match page: pick a resume, see the profile, ranked matches and gaps.

The resume is read in memory from the upload and dropped after the response;
it is never written to disk or sent anywhere.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

router = APIRouter()
_templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


@router.get("/match", response_class=HTMLResponse)
def match_form(request: Request) -> HTMLResponse:
    """The empty form: choose a resume file."""
    return _templates.TemplateResponse(request, "match.html", {"result": None, "error": None})
