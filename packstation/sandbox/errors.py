"""The error the sandbox's rules raise; routes turn it into the Market's error body."""

from __future__ import annotations


class ApiError(Exception):
    """A refusal with the Market's HTTP status and error code.

    Args:
        status: HTTP status (400, 401, 403, 404, 420, 500 ...).
        code: the Market's error code, e.g. ``CANNOT_REMOVE_LAST_ITEM``.
        message: human-readable text (English, as the Market's API answers).
    """

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> dict[str, object]:
        """The Market's error envelope."""
        return {"status": "ERROR", "errors": [{"code": self.code, "message": self.message}]}


def bad_request(code: str, message: str) -> ApiError:
    return ApiError(400, code, message)
