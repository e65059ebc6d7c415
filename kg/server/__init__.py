"""The HTTP server of ``kg serve``: a checking front (``app``) over an Oxigraph back end (``backend``).

``policy`` holds what the front allows (reads only by default; writes with a token; no
outside fetches) and the checks that enforce it.
"""
