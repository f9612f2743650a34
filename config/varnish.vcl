vcl 4.1;

# Varnish in front of the app (README "Page cache"). Keeps only what the app
# marks for shared caches (Cache-Control s-maxage: the pages it keeps for
# anonymous readers), never a response that sets a cookie or is private,
# and never answers a logged-in member (session cookie) from its store.
# PURGE from this machine removes a page with every query variant of it
# (?page=2, ?topic=...): the app sends one for each changed page and listing
# (FRONTEND_CACHE_PURGE_URL, wagtail.contrib.frontend_cache).
#
# The app server: change the port here (tests/e2e/test_varnish.py writes
# the live test server's).
backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is for the app only"));
        }
        ban("req.http.host == " + req.http.host + " && req.url ~ ^" + regsub(req.url, "[?].*$", "") + "([?].*)?$");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # A visitor's other cookies (the CSRF one) do not choose the copy; the
    # app still receives them on a miss (vcl_backend_fetch).
    if (req.http.Cookie) {
        set req.http.X-Visitor-Cookie = req.http.Cookie;
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Visitor-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Visitor-Cookie;
        unset bereq.http.X-Visitor-Cookie;
    }
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "s-maxage") {
        # Not for everyone: go to the app each time (and remember that for a minute).
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
