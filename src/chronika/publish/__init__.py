"""Publishing: redacted chronologies and datasets, written as signed bundles anyone can verify offline.

``redaction`` decides what each audience sees (the one place that does); ``chronology`` and
``export`` render redacted records; ``bundle`` writes and verifies the signed folder around them.
"""
