"""Who is asking: the client's address, also behind the reverse proxies named by PROXY_COUNT."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """The client's IP address. Behind N trusted proxies (``PROXY_COUNT``), each appends the address it saw
    to X-Forwarded-For, so the client is the N-th entry from the right; anything further left was written
    by the client itself and is not trusted. Without proxies, the socket's address."""
    count = getattr(settings, "PROXY_COUNT", 0)
    candidate = request.META.get("REMOTE_ADDR")
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate)) if candidate else None
    except ValueError:
        return None


def ip_network(ip: str | None, *, v4: int = 24, v6: int = 48) -> str:
    """The network around an address (by default /24 for IPv4, /48 for IPv6): a device keeps it across the
    small address changes of a home or office connection. With v4=32, v6=64: one subscriber (an IPv6 host
    picks any address of its /64)."""
    if not ip:
        return ""
    address = ipaddress.ip_address(ip)
    prefix = v4 if address.version == 4 else v6
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
