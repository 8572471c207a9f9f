"""Maillage: connect companies, incubators, investors and public bodies, at home and abroad.

The package root stays import-free so that the Django-free engines (``maillage.engine``) load without
Django or Celery; the Celery app is attached when Django starts (``maillage.common.apps``).
"""
