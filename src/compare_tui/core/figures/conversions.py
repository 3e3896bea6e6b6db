"""Units of measure and time -> a dimension and a factor to its base unit.

Two figures compare only within one dimension, after conversion: "48,000 feet" against
"14,600 metres", "two days" against "48 hours", "1.2 billion" against "1,200 million" (the
multiplier is already in the value). Base units: metres, kilograms, square metres, litres,
km/h, days. A unit not listed is a dimension of its own ("measure:barrel"), so it still pairs
with itself. Temperatures in degrees are not converted: "degree" alone may be an angle.
"""

from __future__ import annotations

#: unit (as ``units.MEASURE_UNITS`` and ``units.DURATION_UNITS`` name it) -> (dimension, factor)
UNITS: dict[str, tuple[str, float]] = {
    # Length, in metres.
    "metre": ("length", 1.0), "km": ("length", 1000.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "foot": ("length", 0.3048), "inch": ("length", 0.0254),
    "mile": ("length", 1609.344), "yard": ("length", 0.9144),
    # Mass, in kilograms.
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "tonne": ("mass", 1000.0),
    "lb": ("mass", 0.45359237), "oz": ("mass", 0.028349523),
    # Area, in square metres.
    "m2": ("area", 1.0), "km2": ("area", 1e6), "mi2": ("area", 2_589_988.11),
    "acre": ("area", 4046.8564), "hectare": ("area", 10_000.0), "ft2": ("area", 0.09290304),
    # Volume, in litres.
    "litre": ("volume", 1.0), "ml": ("volume", 0.001), "gallon": ("volume", 3.785411784),
    "barrel": ("volume", 158.987295), "ft3": ("volume", 28.316846592),
    # Speed, in km/h.
    "km/h": ("speed", 1.0), "mph": ("speed", 1.609344),
    # Power and energy, in megawatts and kWh.
    "MW": ("power", 1.0), "GW": ("power", 1000.0), "kWh": ("energy", 1.0),
    # Time, in days ("month" and "year" at their mean length).
    "second": ("duration", 1 / 86_400), "minute": ("duration", 1 / 1_440),
    "hour": ("duration", 1 / 24), "day": ("duration", 1.0), "week": ("duration", 7.0),
    "month": ("duration", 30.44), "year": ("duration", 365.25),
    "decade": ("duration", 3_652.5), "century": ("duration", 36_525.0),
}  # fmt: skip


def base_unit(unit: str | None) -> tuple[str, float]:
    """Dimension and factor to its base unit: ``base_unit("foot") == ("length", 0.3048)``."""
    if unit in UNITS:
        return UNITS[unit]
    return f"measure:{unit}", 1.0
