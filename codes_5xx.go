package httpstatus

// serverErrorCodes are the registered 5xx codes (RFC 9110 §15.6 and the
// RFCs the registry names), in numeric order. The class means the server
// side failed a request that looked valid; for every one of them RFC 9110
// asks for a body explaining the error, except in answer to HEAD.
var serverErrorCodes = []Status{
	{
		Code:     500,
		Phrase:   "Internal Server Error",
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.6.1", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1"},
		Summary:  "The server hit an unexpected condition, usually a bug or a broken dependency, and could not complete the request.",
		Description: "500 is the generic server-side failure: RFC 9110 only says the server met an unexpected condition that kept it from fulfilling the request, " +
			"and it is what a client must assume for any 5xx code it does not recognize. In practice it almost always means the application itself failed " +
			"(an unhandled exception, a panic, a bad deploy) rather than a proxy in front of it, which would answer 502, 503 or 504 instead. " +
			"The server should send a body explaining the error and whether it is temporary, but it should not leak stack traces or internal details to the public.\n\n" +
			"How to choose: send 500 when your own code failed; 502 when you are a proxy and the upstream answered with garbage or hung up; 503 when you know you " +
			"cannot serve right now (overload, maintenance, no healthy backends) and expect to recover; 504 when you are a proxy and the upstream did not answer in time. " +
			"A 500 that a specific input reliably triggers is usually a missing validation that should have produced a 4xx.",
		Causes: []Advice{
			{ForServer, "An unhandled exception or crash in the handler (null dereference, KeyError, failed type assertion) that the framework turned into a 500 page; Django, Rails, Spring and Express all do this by default."},
			{ForServer, "A configuration problem after a deploy: a missing environment variable or secret, wrong database credentials, or a schema migration that did not run (\"column does not exist\")."},
			{ForServer, "A dependency failed and the code did not map the failure to anything better, for example a database connection pool timing out (HikariCP's \"Connection is not available, request timed out\")."},
			{ForServer, "Apache httpd answers 500 for an invalid or unsupported directive in .htaccess (such as RewriteEngine without mod_rewrite) and for CGI scripts that fail before sending headers (\"End of script output before headers\")."},
			{ForServer, "PHP stopped with a fatal error, often \"Allowed memory size exhausted\" or a call to an undefined function, and with display_errors off the user only sees a blank 500."},
			{ForServer, "The host itself is in trouble: a full disk, wrong file permissions or an SELinux denial when the app writes sessions, uploads or logs."},
			{ForClient, "Your request contains input the server does not handle (an unexpected null, a very large number, odd Unicode): the bug is theirs, but your data triggers it."},
		},
		Fixes: []Advice{
			{ForServer, "Find the failing request in the application log or error tracker (Sentry, Rollbar...) by its request ID or trace ID (X-Request-ID, traceparent) and read the stack trace."},
			{ForServer, "Map expected failures to the right code in a global exception handler: validation to 400 or 422, missing records to 404, conflicts to 409, dependency outages to 503; keep 500 for genuine bugs."},
			{ForServer, "Return a safe error body, for example RFC 9457 problem details (`application/problem+json`) with a correlation ID, and make sure debug pages are off in production (DEBUG=False in Django, APP_DEBUG=false in Laravel)."},
			{ForServer, "If the error rate jumped right after a deploy, roll back first and debug second; canary releases and error-rate alerts catch this before every user sees it."},
			{ForServer, "For Apache or PHP, read the server's error_log: it names the offending .htaccess line, the PHP fatal error or the permission that was denied."},
			{ForClient, "Retry an idempotent request once or twice with backoff; if it keeps failing, report it with the time, the URL, any request ID from the response and the payload you sent."},
			{ForClient, "If only one particular input fails, try changing it to work around the server bug while it gets fixed."},
		},
		Related: []Relation{
			{502, "Choose 502 when a proxy got an invalid response or a dropped connection from its upstream; 500 when the server that answers is the one that failed."},
			{503, "503 says the failure is a known, temporary inability to serve (overload, maintenance) and can carry Retry-After; 500 says something unexpected broke."},
			{504, "504 is a proxy giving up on a slow upstream; a 500 comes from the application itself."},
			{501, "501 means the server lacks the feature or method altogether; 500 means the feature exists but failed."},
			{422, "Input that is well-formed but unacceptable deserves 422 (or 400); answering 500 to bad input hides a client mistake behind a server error."},
			{520, "Cloudflare answers 520 when the origin's reply is empty or unusable; an origin 500 is passed through to the visitor as 500."},
		},
		Headers: []Header{
			{"Content-Type", Optional, Always, "Say what the error body is, for example `application/problem+json` for RFC 9457 problem details."},
			{"Cache-Control", Optional, Always, "500 is not heuristically cacheable, but some CDNs cache errors briefly by default; `no-store` keeps an error page out of shared caches."},
		},
		Body:   BodyAllowed,
		Retry:  "An idempotent request may be retried a few times with exponential backoff, since some 500s are transient; never retry a non-idempotent request blindly, as the server may have done part of the work.",
		SentBy: []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 500 Internal Server Error\r\n" +
			"Content-Type: application/problem+json\r\n" +
			"Content-Length: 99\r\n" +
			"\r\n" +
			`{"title":"Internal Server Error","status":500,"detail":"Unexpected error. Reference: req-7f3c9a2e"}`,
	},
	{
		Code:     501,
		Phrase:   "Not Implemented",
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.6.2", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.2"},
		Summary:  "The server does not support the functionality the request needs, typically a request method it does not recognize at all.",
		Description: "RFC 9110 defines 501 as the server lacking the functionality required to fulfil the request, and names the typical case: a method the server " +
			"does not recognize and cannot support for any resource. RFC 9112 also suggests 501 for a transfer coding the server does not understand and for a " +
			"method longer than any it implements. The difference from 405 is scope: 405 says this resource does not allow a method the server knows, 501 says " +
			"the server does not do that method anywhere.\n\n" +
			"A surprise: 501 is one of the few heuristically cacheable codes, so a cache may store it and keep answering 501 without explicit freshness " +
			"information. APIs also use 501 for endpoints that are declared but not built yet, which is what server stubs generated from OpenAPI typically return, " +
			"and grpc-gateway maps gRPC's UNIMPLEMENTED to it.",
		Causes: []Advice{
			{ForClient, "You used a method the server does not know: a typo, a custom verb, or WebDAV methods (PROPFIND, MKCOL) sent to a plain web server; Apache httpd, for example, answers unknown methods with 501."},
			{ForClient, "The request uses a Transfer-Encoding other than chunked that the server cannot decode, for which RFC 9112 suggests 501."},
			{ForServer, "The endpoint exists in the API description but its handler is still a generated stub that returns 501."},
			{ForServer, "A gateway translating to gRPC received UNIMPLEMENTED from the backend (the method is missing from the deployed service version) and mapped it to 501."},
		},
		Fixes: []Advice{
			{ForClient, "Check the method name and spelling, and use the methods the API documents; `curl -X OPTIONS -i` may list them in an Allow header."},
			{ForClient, "Send the body with Content-Length or plain chunked encoding instead of an exotic transfer coding."},
			{ForServer, "Answer 405 with an Allow header when the method is known but not allowed on this resource, and keep 501 for methods the server does not support anywhere."},
			{ForServer, "Since 501 is heuristically cacheable, send `Cache-Control: no-store` (or a short max-age) if the feature will be switched on soon, so caches do not keep serving the error."},
			{ForServer, "For gRPC backends, deploy the service version that implements the method, or remove the route until it exists."},
		},
		Related: []Relation{
			{405, "405 is for a method the server knows but this resource does not allow (and requires Allow); 501 is for a method the server does not implement at all."},
			{500, "500 means an implemented feature failed; 501 means the feature is not there."},
			{505, "505 is the protocol-version counterpart: the server does not support the HTTP major version rather than the method."},
			{400, "A malformed request line or method token is 400; a well-formed but unknown method is 501."},
		},
		Headers: []Header{
			{"Allow", Optional, Always, "Not required for 501, but listing the methods the server does support helps the client."},
			{"Cache-Control", Optional, Always, "501 is heuristically cacheable; set explicit freshness (or no-store) to control how long caches keep it."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Retrying the same request will not help: change the method or feature used, or wait until the server implements it.",
		SentBy:    []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 501 Not Implemented\r\n" +
			"Allow: GET, HEAD, POST\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 41\r\n" +
			"\r\n" +
			"Method PURGE is not supported by server.\n",
	},
	{
		Code:     502,
		Phrase:   "Bad Gateway",
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.6.3", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.3"},
		Summary:  "A gateway or proxy forwarded the request but got an invalid response, or none at all, from the upstream server behind it.",
		Description: "RFC 9110 reserves 502 for a server acting as a gateway or proxy that received an invalid response from an inbound server. In real deployments " +
			"the message comes from nginx, HAProxy, a cloud load balancer or a CDN, and \"invalid\" mostly means the upstream refused the connection, reset it, " +
			"closed it before sending a complete header section, or sent something the proxy could not parse. The upstream application often logged nothing, " +
			"because from its side the request never arrived or the process died while handling it.\n\n" +
			"How to choose: 502 when the upstream answered wrongly or dropped the connection; 504 when it did not answer in time; 503 when the proxy knows there is " +
			"no healthy upstream or is shedding load; 500 when the application itself failed and could still say so. Products differ: Envoy reports connection " +
			"failures and resets as 503, Go's httputil.ReverseProxy answers 502 even for timeouts, and Cloudflare uses its own 520-526 codes for origin trouble.",
		Causes: []Advice{
			{ForServer, "Nothing is listening where the proxy points: the app crashed, is still starting, or listens on another port or socket (nginx: \"connect() failed (111: Connection refused) while connecting to upstream\")."},
			{ForServer, "The upstream process died mid-request: an OOM kill, a segfault, a Gunicorn worker killed by its --timeout (30 s by default), or a Go handler panic, which makes net/http drop the connection instead of sending a 500 (nginx: \"upstream prematurely closed connection\")."},
			{ForServer, "A keep-alive race: the app closes idle connections sooner than the proxy does (Node.js keepAliveTimeout is 5 s, Gunicorn's keep-alive 2 s, an AWS ALB's idle timeout 60 s), so the proxy now and then sends a request on a socket the app is closing."},
			{ForServer, "A deploy or scale-down stopped instances that were still receiving traffic, because the load balancer or Kubernetes endpoints had not yet removed them."},
			{ForServer, "The response was invalid for the proxy: headers larger than its buffer (nginx: \"upstream sent too big header\"), a malformed status line, or a Lambda function returning the wrong shape to API Gateway or an ALB."},
			{ForServer, "TLS or protocol mismatch to the upstream: nginx not sending SNI (proxy_ssl_server_name is off by default), an untrusted upstream certificate, or plain HTTP/1.1 sent to an HTTP/2-only or gRPC backend."},
			{ForServer, "Every upstream server was marked failed (nginx logs \"no live upstreams\"), often after a burst of errors tripped max_fails."},
		},
		Fixes: []Advice{
			{ForServer, "Start with the proxy's error log or access log: the message (refused, prematurely closed, reset by peer, too big header) tells you which cause it is; in ALB access logs a target_status_code of \"-\" means the target sent no response."},
			{ForServer, "Check the upstream directly, bypassing the proxy: is it listening (`ss -ltnp`), does `curl` to its port work, did the container restart or get OOMKilled (`kubectl describe pod`, `dmesg`)?"},
			{ForServer, "Make the upstream's keep-alive idle timeout longer than the proxy's: for Node.js behind an ALB set `server.keepAliveTimeout` to about 65 s and `headersTimeout` a little higher; in nginx upstream blocks keep `keepalive_timeout` below the app's."},
			{ForServer, "Make deploys graceful: readiness probes, a preStop sleep so endpoints are removed before SIGTERM, connection draining (ALB deregistration delay), and an app that stops accepting new connections but finishes in-flight requests."},
			{ForServer, "For big response headers (large cookies, long JWTs) raise nginx `proxy_buffer_size`/`proxy_buffers` (or `fastcgi_buffer_size` for PHP-FPM) rather than the timeouts."},
			{ForServer, "For HTTPS upstreams set `proxy_ssl_server_name on` and the right `proxy_ssl_name`, and use `grpc_pass` or HTTP/2 for gRPC backends."},
			{ForClient, "A 502 is usually transient: retry idempotent requests after a short backoff, and report persistent 502s to the site operator with the time and URL."},
		},
		Related: []Relation{
			{504, "Both come from a proxy: 504 means the upstream was too slow to answer, 502 means it answered badly or dropped the connection."},
			{503, "503 means the proxy (or server) knows it cannot serve right now, for instance no healthy backends or load shedding; Envoy also uses 503 for upstream connection failures that nginx reports as 502."},
			{500, "500 comes from the application itself; a proxy passing an upstream 500 through does not turn it into 502."},
			{520, "Cloudflare's stand-in for 502 when the origin returned an empty or unexpected response."},
			{521, "Cloudflare's code for the origin refusing the connection, which plain proxies report as 502."},
			{499, "nginx logs 499 when the client hung up first; if you see 499 alongside 502s, clients are giving up before the proxy does."},
		},
		Headers: []Header{
			{"Proxy-Status", Optional, Always, "RFC 9209 lets the proxy say what went wrong, such as `error=connection_refused` or `error=http_response_incomplete`."},
			{"Cache-Control", Optional, Always, "502 is not heuristically cacheable, but CDNs may cache errors briefly; `no-store` keeps a transient failure from being replayed."},
		},
		Body:   BodyAllowed,
		Retry:  "Retry idempotent requests after a short backoff, as 502s are often momentary (deploys, restarts, keep-alive races); retry POST and other unsafe methods only with an idempotency key, since the upstream may have processed them.",
		SentBy: []Sender{SentByProxy, SentByCDN},
		Example: "HTTP/1.1 502 Bad Gateway\r\n" +
			"Server: nginx\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 150\r\n" +
			"\r\n" +
			"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
	},
	{
		Code:     503,
		Phrase:   "Service Unavailable",
		Aliases:  []string{"Service Temporarily Unavailable"},
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.6.4", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.4"},
		Summary:  "The server cannot handle the request right now because of overload or maintenance, and expects to recover after some delay.",
		Description: "RFC 9110 defines 503 as a temporary inability to handle the request, because of overload or scheduled maintenance, that should clear up " +
			"after a while; the server may send Retry-After to say how long to wait. It is the honest answer for planned downtime, load shedding and " +
			"\"no healthy backend\": crawlers and well-behaved clients read it as come back later, not as gone. The RFC also notes that an overloaded server " +
			"need not send 503 at all and may simply refuse connections. nginx prints the phrase as \"Service Temporarily Unavailable\".\n\n" +
			"How to choose: 503 when the service as a whole cannot serve anyone right now; 429 when this one client has exceeded its quota while others are " +
			"served normally; 502 and 504 when a proxy got a bad or late answer from a specific upstream. Beware of defaults that blur this: nginx's limit_req and " +
			"limit_conn reject with 503 unless told otherwise, Amazon S3 answers 503 SlowDown to request-rate throttling, and Envoy reports upstream " +
			"connection failures as 503.",
		Causes: []Advice{
			{ForServer, "No healthy or registered backend: Envoy's \"no healthy upstream\", HAProxy's \"No server is available to handle this request\", ingress-nginx with a Service that has no ready endpoints, or an ALB target group with no registered targets."},
			{ForServer, "The service is deliberately in maintenance mode, for example `php artisan down` in Laravel, a WordPress update, or a maintenance page switched on at the load balancer."},
			{ForServer, "Load shedding and circuit breaking: Envoy's circuit breakers (max_connections, max_pending_requests) reject with 503 and the UO flag, HAProxy returns 503 when a request waits in the queue longer than `timeout queue`."},
			{ForServer, "Rate limiting with default settings: nginx `limit_req` and `limit_conn` answer 503 unless limit_req_status/limit_conn_status are set, so clients cannot tell throttling from an outage."},
			{ForServer, "Envoy or Istio failed to reach or lost the upstream (\"upstream connect error or disconnect/reset before headers\", flags UF or UC), which they report as 503, often because of the same keep-alive race that gives 502 elsewhere."},
			{ForServer, "A platform is starting, scaling or stopping the app: an IIS application pool that is stopped or tripped rapid-fail protection, or Heroku's router, which answers 503 for crashed dynos (H10) and for requests over its 30 s limit (H12)."},
			{ForClient, "You are sending requests faster than a storage API allows (Amazon S3's 503 SlowDown), or you hit a site during a deployment or traffic spike."},
		},
		Fixes: []Advice{
			{ForServer, "Send Retry-After (seconds or an HTTP date) with every planned 503 and a short body saying what is happening; this is what makes clients and crawlers back off and return at the right time."},
			{ForServer, "When backends are missing, find out why: `kubectl get endpoints` and the readiness probe, target group registration and health checks, selector labels, and whether a deploy scaled everything down at once."},
			{ForServer, "Use 429 for per-client rate limits (`limit_req_status 429;` in nginx) and keep 503 for real unavailability, so dashboards and clients can tell them apart."},
			{ForServer, "Add capacity or shed load earlier and more cheaply: autoscale on saturation, raise circuit-breaker limits only with evidence, and prefer a quick 503 to a request that queues until it becomes a 504."},
			{ForServer, "Keep outage pages out of caches with `Cache-Control: no-store`, or deliberately serve stale content during failures (nginx `proxy_cache_use_stale error timeout http_503`, `stale-if-error`)."},
			{ForClient, "Honour Retry-After; without it, retry with exponential backoff and jitter, cap the number of attempts, and stop retrying when many requests fail at once so you do not feed a retry storm."},
			{ForClient, "For S3 SlowDown and similar throttling, spread requests over more key prefixes or lower the request rate instead of retrying harder."},
		},
		Related: []Relation{
			{429, "429 is per client (you exceeded your limit, others are fine); 503 is service-wide (nobody is being served properly). Both may carry Retry-After."},
			{502, "502 means a proxy got a bad or no response from a specific upstream; 503 means the server or proxy knows it cannot serve at the moment."},
			{504, "504 means the upstream was asked and did not answer in time; a quick 503 from load shedding is usually better than a slow 504."},
			{500, "500 signals an unexpected failure; 503 signals a known temporary condition the client can wait out."},
			{529, "Qualys SSL Labs uses the unofficial 529 for \"site is overloaded\", the same idea as 503."},
		},
		Headers: []Header{
			{"Retry-After", Recommended, Always, "How long the service is expected to be unavailable, as seconds or an HTTP date; RFC 9110 makes it a MAY, but clients and crawlers depend on it."},
			{"Cache-Control", Optional, Always, "503 is not heuristically cacheable; `no-store` stops CDNs that cache errors from replaying an outage page."},
			{"Proxy-Status", Optional, Always, "When a proxy generates the 503, RFC 9209 values like `error=destination_unavailable` say why."},
		},
		Body:   BodyAllowed,
		Retry:  "Yes, after the Retry-After delay when one is given, otherwise with exponential backoff and jitter; the condition is expected to be temporary.",
		SentBy: []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 503 Service Unavailable\r\n" +
			"Retry-After: 120\r\n" +
			"Cache-Control: no-store\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 67\r\n" +
			"\r\n" +
			"Down for scheduled maintenance. Please try again in a few minutes.\n",
	},
	{
		Code:     504,
		Phrase:   "Gateway Timeout",
		Aliases:  []string{"Gateway Time-out"},
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.6.5", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.5"},
		Summary:  "A gateway or proxy reached its timeout before the upstream server it needed to complete the request sent a response.",
		Description: "RFC 9110 reserves 504 for a server acting as a gateway or proxy that did not get a timely response from an upstream server. The request may " +
			"still be running behind the proxy: a timed-out POST can have been fully processed, which is why blind retries of unsafe methods are dangerous. " +
			"RFC 9111 gives 504 a second use: a cache that honours `Cache-Control: only-if-cached` answers 504 when it has no suitable stored response.\n\n" +
			"Every hop has its own clock, and the shortest one wins: nginx's proxy_read_timeout (60 s by default, measured between two reads, not for the whole " +
			"response), an Envoy route timeout (15 s by default), an AWS ALB idle timeout (60 s), CloudFront's origin response timeout (30 s), API Gateway's " +
			"29 s integration limit. Cloudflare reports the same situation as 524 and Heroku as 503. Choose 504 over 502 when the upstream was reachable but " +
			"too slow (or the connection attempt itself timed out), and over 503 when the proxy actually tried the upstream.",
		Causes: []Advice{
			{ForServer, "The upstream is slow: a slow database query or lock wait, a call to a third-party API without its own timeout, a long garbage-collection pause (nginx: \"upstream timed out (110: Connection timed out) while reading response header from upstream\")."},
			{ForServer, "The upstream never accepted the connection: a firewall or security group silently drops packets, the host is gone, or the proxy still uses an old IP (nginx resolves proxy_pass host names once at startup), so the connect timeout expires."},
			{ForServer, "Workers or pools are exhausted: every PHP-FPM child, Gunicorn worker or database connection is busy, so requests wait in a queue until the proxy gives up even though each one is fast."},
			{ForServer, "Timeouts are misaligned along the chain: the app allows 120 s but nginx, the ALB or the CDN in front gives up at 60 s or 30 s, so long reports and exports always end in 504."},
			{ForServer, "Long-lived or slow responses (large exports, server-sent events, long polling) go quiet for longer than the proxy's read timeout."},
			{ForClient, "You asked a cache for `only-if-cached` content it did not have, which RFC 9111 answers with 504."},
			{ForAnyone, "A DNS lookup the proxy needs for the upstream is slow or failing, which shows up as a timeout rather than a clear error."},
		},
		Fixes: []Advice{
			{ForServer, "Find the hop that timed out: the Server header and body (nginx, awselb, envoy, cloudfront) name it, and access logs show upstream timing (nginx $upstream_response_time, ALB target_processing_time, Envoy flag UT)."},
			{ForServer, "Make the slow path fast: profile the endpoint, add indexes, cache results, and give every outbound call (database, HTTP client) a timeout shorter than the budget of the request."},
			{ForServer, "Align timeouts so each inner hop gives up before the outer one (database < app < nginx < load balancer < CDN), and raise proxy_read_timeout only for the locations that really need it."},
			{ForServer, "Move long work off the request path: answer 202 Accepted with a status URL, or stream progress, instead of holding a request open for minutes."},
			{ForServer, "Size worker and connection pools for the load, and shed excess work with a fast 503 rather than letting it queue until it times out."},
			{ForServer, "When upstream IPs change, let the proxy re-resolve: in nginx use the `resolver` directive with a variable in proxy_pass rather than a host name fixed at startup."},
			{ForClient, "Retry idempotent requests with backoff; for POST use an idempotency key or check whether the action happened before retrying, because the server may have finished it after the gateway gave up."},
		},
		Related: []Relation{
			{502, "502 means the upstream answered badly or dropped the connection; 504 means it did not answer in time."},
			{503, "503 means the server or proxy declined to serve (overload, maintenance, no backends); 504 means it tried the upstream and waited in vain."},
			{408, "408 is a server tired of waiting for the client's request; 504 is a gateway tired of waiting for the upstream's response."},
			{524, "Cloudflare's version of 504: it connected to the origin but got no HTTP response within its 100 s limit."},
			{598, "An informal code some proxies use for a read timeout towards the upstream; registered clients should expect 504 instead."},
			{499, "If clients time out before the proxy does, nginx logs 499 instead of 504; compare both when tuning timeouts."},
		},
		Headers: []Header{
			{"Proxy-Status", Optional, Always, "RFC 9209 values like `error=http_response_timeout` or `error=connection_timeout` say which timeout fired."},
			{"Cache-Control", Optional, Always, "504 is not heuristically cacheable; `no-store` keeps CDNs that cache errors from repeating a timeout."},
		},
		Body:   BodyAllowed,
		Retry:  "Retry idempotent requests with backoff; the upstream may recover or the slowness may be momentary. For unsafe methods first check whether the action already took effect, since the upstream may have completed it.",
		SentBy: []Sender{SentByProxy, SentByCDN},
		Example: "HTTP/1.1 504 Gateway Timeout\r\n" +
			"Server: envoy\r\n" +
			"Content-Type: text/plain\r\n" +
			"Content-Length: 24\r\n" +
			"\r\n" +
			"upstream request timeout",
	},
	{
		Code:     505,
		Phrase:   "HTTP Version Not Supported",
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.6.6", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.6"},
		Summary:  "The server does not support, or refuses to use, the major HTTP version the request was sent with.",
		Description: "505 concerns the major version in the request (the 1 in HTTP/1.1): the server cannot or will not answer that version with anything but this error. " +
			"RFC 9110 asks that the body explain why and list the protocols the server does support. Minor versions do not trigger it: a server receiving a higher " +
			"HTTP/1.x treats it as the highest 1.x it knows.\n\n" +
			"It is rare in practice, because HTTP/2 and HTTP/3 are negotiated through TLS ALPN or Alt-Svc instead of being written in a request line. " +
			"When it shows up, it is usually a hand-written or broken request line, or an HTTP/2 connection preface sent to a server that only speaks HTTP/1.x.",
		Causes: []Advice{
			{ForClient, "A hand-written or generated request line carries a version the server does not support, such as `HTTP/2.0` or `HTTP/3.0` in an HTTP/1.x text request."},
			{ForClient, "The client used prior-knowledge cleartext HTTP/2 (`curl --http2-prior-knowledge`) against a server that speaks only HTTP/1.1; some such servers answer the `PRI * HTTP/2.0` preface with 505, others with 400."},
			{ForServer, "The server or a proxy in front of it is configured to refuse old versions such as HTTP/1.0 (or HTTP/0.9) outright."},
		},
		Fixes: []Advice{
			{ForClient, "Send `HTTP/1.1` in text request lines and let TLS ALPN negotiate HTTP/2 or HTTP/3 (`curl --http2` over https) instead of writing the version yourself."},
			{ForClient, "Use h2c prior knowledge only with servers documented to accept it, and fall back to HTTP/1.1 otherwise."},
			{ForServer, "Say in the body which versions you accept, as RFC 9110 asks, and advertise newer protocols with ALPN or Alt-Svc rather than rejecting old ones where you can."},
		},
		Related: []Relation{
			{426, "426 Upgrade Required asks the client to switch protocols via Upgrade; 505 just refuses the version used."},
			{400, "A request line with a malformed version is a syntax error (400); a well-formed but unsupported major version is 505."},
			{501, "501 is the method counterpart: the server does not implement the method rather than the protocol version."},
		},
		Body:   BodyAllowed,
		Retry:  "Not with the same version: resend the request using a version the server supports, normally HTTP/1.1 or one negotiated by ALPN.",
		SentBy: []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 505 HTTP Version Not Supported\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Connection: close\r\n" +
			"Content-Length: 63\r\n" +
			"\r\n" +
			"HTTP/2.0 is not supported here; use HTTP/1.1 or ALPN over TLS.\n",
	},
	{
		Code:     506,
		Phrase:   "Variant Also Negotiates",
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 2295", Section: "8.1", URL: "https://www.rfc-editor.org/rfc/rfc2295.html#section-8.1"},
		Summary:  "The server's transparent content negotiation is misconfigured: the variant it picked is itself set up to negotiate, so negotiation cannot finish.",
		Description: "506 belongs to Transparent Content Negotiation (RFC 2295), an Experimental protocol in which a server lists the variants of a resource and " +
			"the best one is chosen from that list. A variant must be a plain end point; if the variant selected turns out to be negotiable too, the process " +
			"would recurse, and RFC 2295 reports it as this internal configuration error.\n\n" +
			"Almost nobody meets it today. Apache httpd's mod_negotiation is the notable implementation: with a type map or MultiViews, when a client opts " +
			"into transparent negotiation (`Negotiate: trans`) and the chosen variant is itself negotiated, httpd answers 506. It is a server-side fix; the client " +
			"did nothing wrong.",
		Causes: []Advice{
			{ForServer, "An Apache type map (.var file) lists as a variant another type map or a resource that MultiViews negotiates, so the selected variant would negotiate again."},
			{ForServer, "With MultiViews, a negotiated name resolves to a variant that is itself a type map or negotiated resource, so the variant answers with its own TCN header and httpd refuses to recurse."},
			{ForClient, "Your client sent `Negotiate: trans` (or another TCN opt-in), which switches on the transparent negotiation path where this check happens."},
		},
		Fixes: []Advice{
			{ForServer, "Make every variant in a type map point at a concrete file (index.en.html, not index.html.var or a MultiViews name)."},
			{ForServer, "Turn off MultiViews for the directories that hold the variants, or stop using transparent negotiation and choose the variant from Accept and Accept-Language instead."},
			{ForClient, "Drop the Negotiate request header to fall back to ordinary server-driven negotiation, and report the misconfiguration to the site."},
		},
		Related: []Relation{
			{300, "300 Multiple Choices is what negotiation returns when it lets the client pick; 506 is negotiation failing because of the server's own setup."},
			{500, "506 is a specific configuration error of content negotiation; 500 covers every other unexpected server failure."},
			{508, "Both report a loop, but 508 is a WebDAV operation looping over bound collections, 506 a negotiation that would recurse."},
		},
		Headers: []Header{
			{"Negotiate", Optional, Always, "The RFC 2295 request header (`Negotiate: trans`) by which a client opts into transparent negotiation."},
		},
		Body:   BodyAllowed,
		Retry:  "No: the server configuration must be fixed first; retrying without the Negotiate header may get an ordinary negotiated response.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 506 Variant Also Negotiates\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 58\r\n" +
			"\r\n" +
			"The selected variant is itself negotiable; check the map.\n",
	},
	{
		Code:     507,
		Phrase:   "Insufficient Storage",
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 4918", Section: "11.5", URL: "https://www.rfc-editor.org/rfc/rfc4918.html#section-11.5"},
		Summary:  "The server could not complete the method because it cannot store the data the request needs, for example because a disk or quota is full.",
		Description: "507 comes from WebDAV (RFC 4918): the method could not be performed because the server is unable to store the representation needed " +
			"to complete it. The RFC treats the condition as temporary, and if the request came from a user action it must not be repeated until the user " +
			"asks again, so clients should not loop on it. It can appear as the whole response or inside a 207 Multi-Status for individual resources of a " +
			"COPY, MOVE or MKCOL.\n\n" +
			"Outside WebDAV some services use it for \"disk full\" or \"quota exceeded\". It describes the server's storage, which distinguishes it from 413, " +
			"where the single request is too large no matter how much space is left.",
		Causes: []Advice{
			{ForClient, "Your upload would push the account over its storage quota, which WebDAV servers such as Nextcloud report with 507."},
			{ForServer, "The disk or volume that holds the data, temporary upload files or the lock database is full."},
			{ForServer, "A COPY or MOVE would duplicate a large collection at the destination and there is not enough room for it."},
		},
		Fixes: []Advice{
			{ForClient, "Free up space or request a larger quota, then repeat the upload as a new, deliberate action."},
			{ForServer, "Monitor free space and inodes on data and temporary directories (`df -h`, `df -i`) and alert well before they fill."},
			{ForServer, "Check quotas before accepting the body (look at Content-Length) so a doomed upload is refused early, and say in the body how much space is left."},
		},
		Related: []Relation{
			{413, "413 means this request is larger than the server accepts; 507 means the server has no room left to store it."},
			{419, "Early WebDAV drafts used 419 Insufficient Space on Resource for this condition; 507 replaced it."},
			{503, "503 is a general temporary inability to serve; 507 names running out of storage as the reason."},
		},
		Body:   BodyAllowed,
		Retry:  "Not automatically: RFC 4918 says a request triggered by a user must not be repeated until the user requests it again, typically after space has been freed.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 507 Insufficient Storage\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 56\r\n" +
			"\r\n" +
			"Quota exceeded: 10 GB used of 10 GB. Free space to save.",
	},
	{
		Code:     508,
		Phrase:   "Loop Detected",
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 5842", Section: "7.2", URL: "https://www.rfc-editor.org/rfc/rfc5842.html#section-7.2"},
		Summary:  "The server stopped a WebDAV operation with `Depth: infinity` because it ran into an infinite loop, and the whole operation failed.",
		Description: "508 comes from the WebDAV binding extensions (RFC 5842). Bindings let the same resource appear under several paths, so a collection can end up " +
			"containing itself; a request that walks the whole tree with `Depth: infinity` (PROPFIND, COPY, DELETE, LOCK...) can then go round forever. When the " +
			"server notices, it aborts with 508, and the RFC says the entire operation failed, not just part of it.\n\n" +
			"Servers that can report the repetition instead list each looping member once and mark repeats with 208 Already Reported inside the Multi-Status. " +
			"Some shared hosting control panels reuse 508 for \"Resource Limit Is Reached\", which has nothing to do with WebDAV.",
		Causes: []Advice{
			{ForClient, "A PROPFIND, COPY or similar request with `Depth: infinity` reached a collection that (through bindings) contains one of its own ancestors."},
			{ForServer, "A BIND or MOVE created a cycle in the namespace, and the server detects it only when a deep operation walks the tree."},
			{ForServer, "Shared hosts running CloudLinux answer 508 \"Resource Limit Is Reached\" when an account exceeds its process or CPU limits, a vendor reuse of the number."},
		},
		Fixes: []Advice{
			{ForClient, "Use `Depth: 1` and walk the tree yourself, keeping track of resource IDs you have already seen."},
			{ForServer, "Find and remove the binding that closes the loop (UNBIND), or refuse to create cycles in the first place."},
			{ForServer, "Support 208 Already Reported so deep PROPFIND responses can mark repeated members instead of failing the whole operation."},
			{ForServer, "For the hosting-panel 508, raise the account's resource limits or find the script that exhausts them."},
		},
		Related: []Relation{
			{208, "208 Already Reported lets a server list a looping member only once and carry on; 508 is the failure when it cannot."},
			{409, "A server that refuses to create a binding cycle in the first place usually answers 409 Conflict."},
			{506, "506 is a loop in content negotiation configuration; 508 a loop in the WebDAV namespace."},
		},
		Headers: []Header{
			{"Depth", Optional, Always, "The request header `Depth: infinity` is what makes an operation walk the whole tree and meet the loop."},
		},
		Body:   BodyAllowed,
		Retry:  "Not unchanged: retry with a smaller Depth or after the loop has been removed from the namespace.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 508 Loop Detected\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 53\r\n" +
			"\r\n" +
			"Collection /docs/ contains itself via /docs/archive/.",
	},
	{
		Code:         510,
		Phrase:       "Not Extended",
		Class:        ServerError,
		Registry:     Obsolete,
		RegistryNote: "Defined by RFC 2774, the HTTP Extension Framework, an Experimental RFC that the IESG later moved to Historic (status-change-http-experiments-to-historic); IANA now lists the code as obsoleted.",
		Spec:         Spec{Document: "RFC 2774", Section: "7", URL: "https://www.rfc-editor.org/rfc/rfc2774.html#section-7"},
		Summary:      "The request did not meet the server's policy for the mandatory HTTP extensions it requires, under the now-Historic HTTP Extension Framework.",
		Description: "RFC 2774 proposed a way to declare HTTP extensions in a request (with headers such as Man and Opt and M- prefixed methods like M-GET). " +
			"510 said the access policy for the resource was not met by the request, and the server was supposed to return what the client needs to send a " +
			"properly extended request; if the response described extensions the original request lacked, the client could repeat it with them.\n\n" +
			"The framework never caught on and its RFC is now Historic, so 510 is obsolete: new services should not send it. Where it still appears, it is " +
			"usually an application borrowing the number for some unrelated \"requirement not met\" error.",
		Causes: []Advice{
			{ForClient, "The request used RFC 2774 mandatory extension declarations (Man, C-Man, an M-GET style method) that the server does not support, or a proxy removed them in transit."},
			{ForServer, "The server requires an extension declaration the client did not make."},
			{ForServer, "An application picked 510 for a custom error such as a missing feature flag or client capability, because the phrase sounded right."},
		},
		Fixes: []Advice{
			{ForClient, "Read the response body for the extension the server expects and repeat the request with it, or drop the extension declarations if the server does not know them."},
			{ForServer, "Do not use 510 for new APIs: answer 400 for a malformed request, 403 for a policy refusal, 428 for a missing precondition or 501 for an unsupported feature."},
			{ForServer, "If you still implement RFC 2774, describe the missing extension in the body, as the framework intended."},
		},
		Related: []Relation{
			{501, "501 says the server does not support the functionality; 510 said the client did not declare an extension the server requires."},
			{400, "For a request missing something the server needs today, 400 (or a more specific 4xx such as 428) is the current choice instead of 510."},
		},
		Body:   BodyAllowed,
		Retry:  "Only after changing the request to satisfy the extension policy described in the response; repeating it unchanged will fail again.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 510 Not Extended\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 57\r\n" +
			"\r\n" +
			"This resource requires a mandatory extension declaration.",
	},
	{
		Code:     511,
		Phrase:   "Network Authentication Required",
		Class:    ServerError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 6585", Section: "6", URL: "https://www.rfc-editor.org/rfc/rfc6585.html#section-6"},
		Summary:  "A device on the network, typically a captive portal, is intercepting the request because you must log in to or accept the terms of the network first.",
		Description: "RFC 6585 created 511 for intercepting proxies that control network access, such as the Wi-Fi login pages of hotels, airports and trains. " +
			"It is not about the site you asked for: the response comes from the network, and the RFC says origin servers should not generate it. The body " +
			"should link to the page where the user can sign in, but should not contain the login form or an authentication challenge itself, because the " +
			"browser would show it as if it belonged to the requested URL. Responses with 511 must not be stored by a cache.\n\n" +
			"The code exists so that software, especially non-browser clients, can tell a portal's reply from the real server's. A portal can only intercept " +
			"plain HTTP this way; HTTPS requests instead fail with certificate errors or time out, which is why operating systems probe known HTTP URLs to detect " +
			"portals and why RFC 8908 and RFC 8910 define a Captive Portal API that avoids interception.",
		Causes: []Advice{
			{ForClient, "You joined a Wi-Fi or guest network that requires a login, payment or accepting its terms, and you have not done so yet (or the session expired)."},
			{ForClient, "A corporate network access control system holds back unregistered devices until they authenticate."},
			{ForServer, "Your captive portal gateway intercepts plain HTTP from clients it does not know yet (usually identified by MAC address) and answers 511."},
		},
		Fixes: []Advice{
			{ForClient, "Open the login page the response links to (or any plain http:// page, or the operating system's \"sign in to network\" prompt), complete it, then retry."},
			{ForClient, "In apps and scripts, treat 511 as \"network login needed\": show it to the user and do not parse the body as the API's response or cache it."},
			{ForServer, "Return 511 with a short HTML body linking to the portal, no login form and no WWW-Authenticate, plus `Cache-Control: no-store`; origin servers should not send it at all."},
			{ForServer, "Announce the portal with the DHCP/RA option of RFC 8910 and the Captive Portal API of RFC 8908 so devices find it without interception."},
		},
		Related: []Relation{
			{401, "401 comes from the origin server and wants credentials for the resource; 511 comes from the network and wants you to log in to the network."},
			{407, "407 is an explicitly configured proxy asking for Proxy-Authorization; 511 is an intercepting network device asking for a login through a web page."},
			{302, "Many portals still redirect every request with 302 to their login page, which clients cannot tell from a real redirect; 511 makes the interception explicit."},
		},
		Headers: []Header{
			{"Cache-Control", Recommended, Always, "RFC 6585 forbids caches from storing a 511; `no-store` makes that explicit to caches that do not know the code."},
			{"Content-Type", Optional, Always, "Usually text/html, with a link (or a meta refresh) to the portal's login page."},
		},
		Body:   BodyAllowed,
		Retry:  "Retry after the user has logged in to or accepted the terms of the network; automatic retries before that will keep getting 511.",
		SentBy: []Sender{SentByProxy},
		Example: "HTTP/1.1 511 Network Authentication Required\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Cache-Control: no-store\r\n" +
			"Content-Length: 91\r\n" +
			"\r\n" +
			"<html><body><p>Please <a href=\"https://login.wifi.example/\">sign in</a>.</p></body></html>\n",
	},
}
