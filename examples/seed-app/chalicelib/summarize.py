"""Summaries and similarity: numpy for vectors, the Google API client for the language model."""
import os

import google.auth
import numpy as np
from googleapiclient.discovery import build


def cosine_similarity(a: list[float], b: list[float]) -> float:
    va, vb = np.asarray(a, dtype=np.float32), np.asarray(b, dtype=np.float32)
    denom = float(np.linalg.norm(va) * np.linalg.norm(vb))
    return float(va @ vb) / denom if denom else 0.0


def summarize(text: str) -> str:
    credentials, _ = google.auth.default(scopes=["https://www.googleapis.com/auth/generative-language"])
    service = build("generativelanguage", "v1beta", credentials=credentials, cache_discovery=False)
    model = os.environ.get("GEMINI_MODEL", "models/gemini-1.5-flash")
    response = service.models().generateContent(
        model=model, body={"contents": [{"parts": [{"text": "Summarize in Korean:\n" + text}]}]}
    ).execute()
    return response["candidates"][0]["content"]["parts"][0]["text"]
