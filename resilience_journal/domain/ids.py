"""Typed identifiers, so a reflection id cannot be passed where a check-in id is wanted."""

from __future__ import annotations

import uuid
from typing import NewType

ReflectionId = NewType("ReflectionId", int)
DecompressionId = NewType("DecompressionId", int)
CheckInId = NewType("CheckInId", int)
MeasureId = NewType("MeasureId", int)
SessionId = NewType("SessionId", int)
ActionId = NewType("ActionId", int)
ShareId = NewType("ShareId", int)

#: A stable identifier that survives export and import (merging without duplicates).
Uid = NewType("Uid", str)


def new_uid() -> Uid:
    """A fresh random stable id."""
    return Uid(uuid.uuid4().hex)
