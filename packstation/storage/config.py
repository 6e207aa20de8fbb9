"""Journal settings (part of the app settings file); owned by the storage package."""

from __future__ import annotations

from pydantic import BaseModel, Field


class StorageSettings(BaseModel):
    retention_days: int = Field(default=30, ge=1, le=3650)  # compact finished orders' journals after
