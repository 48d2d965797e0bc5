"""shuking-backend: a small Chalice API over posts, with summaries from a language model."""
from datetime import datetime, timezone

import requests
from chalice import BadRequestError, Chalice
from dateutil import parser as dateparser
from dotenv import load_dotenv
from pydantic import BaseModel, ValidationError

from chalicelib import db, summarize

load_dotenv()  # local runs read .env; on Lambda the stage's environment_variables apply
app = Chalice(app_name="shuking-backend")


class SummaryRequest(BaseModel):
    text: str
    since: str | None = None


@app.route("/health")
def health():
    return {"ok": True, "time": datetime.now(timezone.utc).isoformat()}


@app.route("/posts")
def posts():
    return [{"id": p.id, "title": p.title, "createdAt": p.created_at.isoformat()} for p in db.recent_posts()]


@app.route("/summaries", methods=["POST"])
def summaries():
    try:
        req = SummaryRequest.model_validate(app.current_request.json_body or {})
    except ValidationError as e:
        raise BadRequestError(str(e))
    since = dateparser.isoparse(req.since) if req.since else None
    return {"summary": summarize.summarize(req.text), "since": since.isoformat() if since else None}


@app.route("/similar", methods=["POST"])
def similar():
    body = app.current_request.json_body or {}
    return {"score": summarize.cosine_similarity(body.get("a", []), body.get("b", []))}


@app.schedule("rate(1 hour)")
def ping_status_page(event):
    requests.post("https://status.example.com/heartbeat", json={"app": "shuking-backend"}, timeout=5)
