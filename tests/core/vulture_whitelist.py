"""Names in ``desktop`` that vulture reports as unused but that are used where it cannot see.

Read by ``tests/core/test_dead_code.py`` (the check: ``pytest tests/core/test_dead_code.py``),
together with ``tests``, ``scripts`` and ``benchmarks`` as references and a list of the CLI
handlers made from ``desktop.cli.main.COMMANDS`` (they are named in strings there, so they need
no entry here). Each entry below says who uses the name; a new entry needs the same.
Never executed: the bare names only count as "used" for vulture.
"""
# ruff: noqa

# Alembic reads these module attributes of every migration.
down_revision, branch_labels, depends_on, upgrade, downgrade

# SQLAlchemy calls these: event listeners (desktop/database.py), @compiles functions and the
# cache flag of a custom SQL element (services/register/query.py), a declared_attr on the
# travelling base (models/base.py); the driver reads isolation_level set on its connection.
_on_connect, _on_error, _on_begin, isolation_level
_plain, _plus, inherit_cache
__mapper_args__

# Mapped columns are schema: written by imports/exports/merge through column names, read by
# the database, kept by migrations.
override_by, file_sha256, undone_by, dismissed_by, dismissed_at, replaced_by_id
degree, native_place, marital_status, unit_type, industry, professional_title
technical_grade, hukou_type, disability_type, disability_grade, spouse_health
# the handoff ledger and trusted peers (desktop/models/handoff.py): who trusted or revoked a
# key and when, the previous package's hash, when and by which receipt a package was
# acknowledged; shown by `laomo handoff list` rows and kept for the record
trusted_at, trusted_by, revoked_by, previous_hash, acknowledged_at, receipt_hash

# openpyxl reads the cell and sheet attributes we set.
alignment, print_title_rows, paperSize, fitToWidth, fitToHeight, fitToPage

# ReportLab calls the ToUnicode writer we install (reports/tounicode.py).
makeToUnicodeCMap

# Qt calls these overrides.
initializePage, validateCurrentPage, closeEvent, fetchMore

# Fields of data handed to callers and files: the backup manifest is JSON (app_version), a
# restore reports the revision it upgraded from, an attachment row carries its time and an
# import preview its row count. Nobody shows them yet; they are data, not code.
app_version, upgraded_from, added_at, data_rows

# expat calls the handler set on its parser (desktop/exchange/import_guard.py)
StartElementHandler

# ReportLab's Paragraph.wrap calls breakLines for a style that is not wordWrap="CJK"
# (reports/linebreak.py CJKParagraph breaks every style the Chinese way).
breakLines

# The faces a process parsed: tests/reports/test_fonts.py and benchmarks check that a one-page
# document loads only the faces it draws with.
loaded_faces

# ReportLab reads a flowable's hAlign when it places it in the frame (framework._PagedTable).
hAlign
