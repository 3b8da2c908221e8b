"""The divergence chart: the timeline drawn as one history that forks into two.

``render_chart(timeline, href=...)`` returns an ``<svg>`` element (``to_string`` gives its
markup). The chart's styles are in docs/assets/stylesheets/chart.css.
"""

from divergence.markdown.chart.svg import render_chart, to_string

__all__ = ["render_chart", "to_string"]
