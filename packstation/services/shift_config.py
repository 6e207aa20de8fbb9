"""The shift section of the settings: the packer list, whether sign-in is required, idle sign-out."""

from __future__ import annotations

from datetime import timedelta

from pydantic import BaseModel, Field

from packstation.domain.packers import Packer, packers_from


class PackerEntry(BaseModel):
    name: str
    badge: str = ""  # empty: P01, P02, ... by position


class ShiftSettings(BaseModel):
    packers: list[PackerEntry] = Field(default_factory=list)
    require_sign_in: bool = False
    idle_sign_out_min: int = Field(default=30, ge=0, le=24 * 60)  # 0: never

    def packer_list(self) -> tuple[Packer, ...]:
        return packers_from([(entry.name, entry.badge) for entry in self.packers])

    @property
    def idle_sign_out(self) -> timedelta | None:
        return timedelta(minutes=self.idle_sign_out_min) if self.idle_sign_out_min else None
