"""The calendar's names, in order: the one list of weekdays and months (their position is their number), and the days
named from the day they are written on."""

from __future__ import annotations

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
# Months as news writes them, by number: "March", "Mar.", "Sept." (looked up in lower case, without the stop)
MONTH_NUMBERS = {name: n for n, month in enumerate(MONTHS, 1) for name in (month.lower(), month[:3].lower())}
MONTH_NUMBERS["sept"] = 9
# days named from the day of writing, by how many days they are from it: "yesterday" in an article of 11 March is
# 10 March
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
