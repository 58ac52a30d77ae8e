"""Services: one module per area of the workflow. Each takes a Session the caller owns.

Importing the package installs the audit-trail session events (app.services.audit), so
no write through any service can skip the trail.
"""

from app.services import audit as _audit  # noqa: F401
from app.services import signatures as _signatures  # noqa: F401  (voids signatures of changed records)
