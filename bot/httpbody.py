"""One way to read a JSON body, for /api/messages and the local web chat's routes.

At most `max_bytes`, arriving within `seconds`, declared as JSON and parsing to
an object; anything else is a clear problem response, made by the route's own
`problem` (the Bot Framework route and Direct Line shape their errors
differently). A slow body's connection is closed rather than waited on.
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from aiohttp import web

log = logging.getLogger("safeshare.http")

Problem = Callable[[HTTPStatus, str], web.Response]


async def read_json(request: web.Request, max_bytes: int, seconds: float,
                    problem: Problem) -> dict[str, Any] | web.Response:
    too_large = f"the body is over {max_bytes} bytes"
    if request.content_length is not None and request.content_length > max_bytes:
        return problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, too_large)
    try:
        async with asyncio.timeout(seconds):
            raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, too_large)
    except TimeoutError:
        log.info("request.body_timeout")
        response = problem(HTTPStatus.REQUEST_TIMEOUT, f"the body did not arrive within {seconds:g} seconds")
        response.force_close()  # the rest of a slow body is not worth waiting for
        return response
    if "json" not in (request.content_type or ""):
        return problem(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send the activity as application/json")
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return problem(HTTPStatus.BAD_REQUEST, "the body is not valid JSON")
    if not isinstance(body, dict):
        return problem(HTTPStatus.BAD_REQUEST, "the body must be a JSON object (an activity)")
    return body
