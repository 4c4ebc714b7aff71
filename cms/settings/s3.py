"""The two storages (media and private files) on S3-compatible object storage."""

from urllib.parse import urlsplit


def s3_storages(environ):
    """``STORAGES`` entries for django-storages' S3 backend, read from ``environ``.

    Media go to ``S3_BUCKET``: plain URLs when ``S3_MEDIA_PUBLIC`` says the bucket is readable
    without credentials (at ``S3_MEDIA_URL`` if readers reach it through another address),
    otherwise URLs signed for ``S3_URL_EXPIRE_SECONDS``. Private files go to
    ``S3_PRIVATE_BUCKET`` (default ``<S3_BUCKET>-private``), which must not be readable
    without credentials; the application never hands out a URL to them.
    """
    common = {
        "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
        "access_key": environ.get("S3_ACCESS_KEY_ID", ""),
        "secret_key": environ.get("S3_SECRET_ACCESS_KEY", ""),
        "region_name": environ.get("S3_REGION", "us-east-1"),
        "signature_version": "s3v4",
        "addressing_style": "path",
        "file_overwrite": False,
        "default_acl": None,
        "querystring_expire": int(environ.get("S3_URL_EXPIRE_SECONDS", "300")),
    }
    bucket = environ["S3_BUCKET"]
    public = environ.get("S3_MEDIA_PUBLIC", "").strip().lower() in {"1", "true", "yes", "on"}
    media = {**common, "bucket_name": bucket, "querystring_auth": not public}
    if public_url := environ.get("S3_MEDIA_URL"):
        parts = urlsplit(public_url)
        media["custom_domain"] = (parts.netloc + parts.path).rstrip("/")
        media["url_protocol"] = f"{parts.scheme or 'https'}:"
    private = {
        **common,
        "bucket_name": environ.get("S3_PRIVATE_BUCKET") or f"{bucket}-private",
        "querystring_auth": True,
    }
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": media},
        "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": private},
    }
