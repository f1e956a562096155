"""Chart builders: plain data in, ``matplotlib.figure.Figure`` out.  No Qt, no pyplot.

The same builders draw the Trends page and the charts of the supervision export.  See
``catalog.CHARTS`` for the list, ``palette`` for colours, ``alternatives`` for the text and
table version of each chart.  matplotlib is imported only inside the builders.
"""
