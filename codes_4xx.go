package httpstatus

// clientErrorCodes are the registered 4xx codes (RFC 9110 §15.5 and the
// RFCs the registry names: RFC 4918, RFC 6585, RFC 7725, RFC 8470), in
// numeric order. Facts are checked against the RFC text, and against RFC
// 9112 where HTTP/1.1 framing decides which code is sent.
var clientErrorCodes = []Status{
	{
		Code:     400,
		Phrase:   "Bad Request",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.1", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1"},
		Summary:  "The server will not process the request because it sees something wrong with the request itself.",
		Description: "400 is the catch-all for requests the server considers broken: bad syntax, framing it cannot trust, " +
			"or routing that looks deceptive. RFC 9112 makes it mandatory in several HTTP/1.1 cases: a request without a Host " +
			"header, with more than one Host or an invalid one, with whitespace between a field name and its colon, with an " +
			"unparseable Content-Length, or with a Transfer-Encoding whose last coding is not chunked; for the two framing " +
			"errors the server must also close the connection.\n\n" +
			"Because it is so generic, the status code alone tells the client little; a useful 400 names the field or byte " +
			"that was rejected, ideally in a machine-readable body such as application/problem+json (RFC 9457). Many APIs use " +
			"400 for validation failures too, although 422 fits better when the syntax is fine and only the values are wrong.",
		Causes: []Advice{
			{ForClient, "The body is not valid for its declared type: truncated or hand-built JSON, a trailing comma, or form data sent with Content-Type: application/json."},
			{ForClient, "A required query parameter or field is missing or has the wrong type, and the framework's validation layer rejects it before your handler runs."},
			{ForClient, "The URL contains characters that were not percent-encoded (spaces, a stray % or raw non-ASCII), so the request-line does not parse."},
			{ForAnyone, "Cookies or headers have grown too large: nginx answers such requests with 400 and the page \"Request Header Or Cookie Too Large\"."},
			{ForClient, "Plain HTTP was sent to a port that expects TLS; nginx reports \"The plain HTTP request was sent to HTTPS port\" with a 400."},
			{ForAnyone, "The HTTP/1.1 framing is invalid: no Host header, two conflicting Content-Length values, or a Transfer-Encoding that does not end in chunked, all of which RFC 9112 requires a server to reject with 400."},
		},
		Fixes: []Advice{
			{ForClient, "Read the response body first; most servers say which field or header they rejected, and that points straight at the bug."},
			{ForClient, "Build bodies with a serializer (json.Marshal, JSON.stringify) instead of string concatenation, and send a Content-Type that matches what you serialized."},
			{ForClient, "Encode URL components with your library's encoder (url.QueryEscape, encodeURIComponent) rather than pasting raw values into the path or query."},
			{ForClient, "Clear the site's cookies in the browser, or stop adding ever-growing cookies, when the 400 mentions header or cookie size."},
			{ForServer, "Raise large_client_header_buffers in nginx (or LimitRequestFieldSize in Apache) only if legitimate clients really need bigger headers; otherwise shrink what the application stores in cookies."},
			{ForServer, "Return a precise error body (RFC 9457 problem details) naming the offending field, and log the rejected request so you can tell client bugs from attacks."},
			{ForServer, "Use 422 for well-formed requests that fail business validation, 415 for an unsupported Content-Type and 413 or 431 for size limits, keeping 400 for requests that are really malformed."},
		},
		Related: []Relation{
			{422, "422 means the syntax parsed but the content makes no sense to the application; choose 400 when the request cannot even be parsed or framed."},
			{415, "415 is the precise answer when the Content-Type or Content-Encoding is the problem; 400 when the format is supported but the data in it is broken."},
			{431, "431 says the header section is too large; nginx's cookie-size error is really a 431 situation reported as 400."},
			{413, "413 is for a body that is too large, not malformed; reserve 400 for content the server cannot parse."},
			{404, "Some frameworks answer 400 for a path parameter that fails to parse (an id that is not a number); 404 is usually kinder when the URL simply names nothing."},
		},
		Headers: []Header{
			{"Content-Type", Recommended, WithContent, "Say what the error body is (application/problem+json is the standard choice for APIs) so clients can parse the explanation."},
			{"Connection", Optional, Always, "close: RFC 9112 requires the server to close the connection after a 400 for invalid Content-Length or Transfer-Encoding framing, and a close option tells the client."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Never repeat the same request unchanged; it will fail the same way. Fix the request first, then send it again.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 400 Bad Request\r\n" +
			"Content-Type: application/problem+json\r\n" +
			"Content-Length: 91\r\n" +
			"\r\n" +
			`{"type":"about:blank","title":"Bad Request","status":400,"detail":"Body is not valid JSON"}`,
	},
	{
		Code:     401,
		Phrase:   "Unauthorized",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.2", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2"},
		Summary:  "The request was not applied because it carries no credentials the server accepts for this resource.",
		Description: "Despite its name, 401 is about authentication, not authorization: the server does not know who you are, " +
			"or does not accept the credentials you sent. The server MUST include a WWW-Authenticate header with at least one " +
			"challenge saying how to authenticate (Basic, Bearer, Digest...). If credentials were present, the 401 means those " +
			"credentials were refused, and the client may retry with new ones.\n\n" +
			"Browsers react to a WWW-Authenticate: Basic challenge by opening a login dialog, which is why browser-facing apps " +
			"usually redirect to a login page instead, and APIs typically use the Bearer scheme. When the caller is known but " +
			"not permitted, the right code is 403, not 401.",
		Causes: []Advice{
			{ForClient, "No Authorization header was sent at all, often because an environment variable holding the token is empty or the header was dropped by a redirect to another host."},
			{ForClient, "The access token has expired; OAuth 2.0 access tokens are short-lived and servers signal this with WWW-Authenticate: Bearer error=\"invalid_token\"."},
			{ForClient, "The header is malformed: a missing \"Bearer \" prefix, the wrong scheme, or Basic credentials that were not base64-encoded as user:password."},
			{ForClient, "An API key from a different environment (test key against production, or a revoked key) was used."},
			{ForServer, "The token is valid but the server rejects it: clock skew breaks JWT exp/nbf checks, the issuer or audience does not match, or the signing keys (JWKS) were rotated without the verifier refreshing them."},
			{ForAnyone, "A reverse proxy or CDN strips the Authorization header before the request reaches the application, so the app sees an anonymous request."},
		},
		Fixes: []Advice{
			{ForClient, "Send credentials in the form the challenge asks for, e.g. Authorization: Bearer <token>, and check with curl -v that the header actually leaves your client."},
			{ForClient, "Refresh expired tokens with the refresh token (or re-authenticate) and retry once; do not loop on a 401 that repeats the same challenge."},
			{ForClient, "Check that the key or token belongs to the environment and account you are calling, and regenerate it if it was revoked."},
			{ForServer, "Always send WWW-Authenticate with a 401 (RFC 9110 makes it a MUST), and include error and error_description for Bearer tokens so clients can tell an expired token from a bad one."},
			{ForServer, "Allow a small clock-skew leeway when validating JWTs, and refresh the JWKS when an unknown key id (kid) arrives."},
			{ForServer, "Make sure proxies forward the Authorization header (for example, Apache with mod_wsgi needs WSGIPassAuthorization On)."},
			{ForServer, "Answer 403 instead when the credentials are fine but the user lacks permission; a 401 invites a pointless login loop."},
		},
		Related: []Relation{
			{403, "401: who are you? (missing or rejected credentials). 403: I know who you are, or it does not matter, and the answer is no. Re-authenticating cannot fix a 403."},
			{407, "407 is the same challenge issued by a proxy, with Proxy-Authenticate and Proxy-Authorization instead of the WWW- and plain Authorization headers."},
			{511, "511 comes from a captive portal or network operator demanding login to the network itself, not to the site you asked for."},
			{404, "Some APIs answer 404 rather than 401 or 403 to hide whether a private resource exists at all."},
		},
		Headers: []Header{
			{"WWW-Authenticate", Required, Always, "RFC 9110 §15.5.2: a 401 MUST carry at least one challenge, e.g. Bearer realm=\"api\" or Basic realm=\"admin\"."},
			{"Cache-Control", Optional, Always, "no-store keeps intermediaries and browsers from keeping a copy of a response that depends on credentials."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Retry only after obtaining new or corrected credentials; repeating the same request with the same credentials will fail again.",
		SentBy:    []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 401 Unauthorized\r\n" +
			"WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\", error_description=\"token expired\"\r\n" +
			"Content-Type: application/json\r\n" +
			"Content-Length: 39\r\n" +
			"\r\n" +
			`{"error":"invalid_token","status":401}` + "\n",
	},
	{
		Code:     402,
		Phrase:   "Payment Required",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.3", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.3"},
		Summary:  "Reserved for future use by RFC 9110; in practice some services send it when a payment or billing problem blocks the request.",
		Description: "RFC 9110 defines 402 only as \"reserved for future use\": no standard says what a 402 response contains or " +
			"how a client should react, beyond treating it as a generic 4xx. It has carried that placeholder status ever since " +
			"RFC 2068 first listed it in 1997.\n\n" +
			"Services use it anyway, each in their own way: Stripe's API returns 402 when the parameters were valid but the " +
			"request (a charge, for example) failed, and SaaS APIs use it for an expired subscription or exhausted credit. " +
			"Since the meaning is vendor-specific, read the vendor's error body rather than the status code.",
		Causes: []Advice{
			{ForClient, "The account's subscription, trial or prepaid credit has run out, and the provider blocks further calls until billing is fixed."},
			{ForClient, "A payment API accepted the request format but the payment itself failed, e.g. a card decline reported by Stripe with a 402."},
			{ForServer, "The application maps a billing or quota state to 402 deliberately, following a convention of its own."},
		},
		Fixes: []Advice{
			{ForClient, "Read the error body for the provider's own code (Stripe's decline_code, for instance) and act on that: update the card, top up credit or renew the plan."},
			{ForClient, "Check the provider's billing dashboard; the fix is usually administrative rather than in your code."},
			{ForServer, "If you send 402, document exactly what it means in your API and include a machine-readable reason and a link to the billing page, since clients cannot rely on any standard semantics."},
			{ForServer, "Consider 403 with a clear error code for plan restrictions, and 429 for rate or quota limits, which generic clients understand better."},
		},
		Related: []Relation{
			{403, "403 is the standard way to refuse a request the caller is not entitled to; 402 adds only an informal hint that paying would change the answer."},
			{429, "429 is defined for rate limits and carries Retry-After; use it for usage caps that reset with time rather than with payment."},
		},
		Headers:   nil,
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Do not retry automatically; the request can only succeed after the billing or payment problem is resolved.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 402 Payment Required\r\n" +
			"Content-Type: application/json\r\n" +
			"Content-Length: 66\r\n" +
			"\r\n" +
			`{"error":"subscription_expired","billing_url":"/account/billing"}` + "\n",
	},
	{
		Code:     403,
		Phrase:   "Forbidden",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.4", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4"},
		Summary:  "The server refuses the request, and presenting the same credentials again will not change its answer.",
		Description: "403 is a refusal that logging in again will not change: either the authenticated caller lacks permission, " +
			"or the request is blocked for reasons unrelated to identity (an IP rule, a WAF, a missing CSRF token, file " +
			"permissions). If credentials were sent, the server considers them insufficient; RFC 9110 says the client SHOULD NOT " +
			"repeat the request with the same credentials, though it may try different ones.\n\n" +
			"The server may explain the reason in the body. A server that does not want to reveal that a resource exists may " +
			"answer 404 instead, which is why GitHub, for instance, returns 404 for private repositories you cannot see.",
		Causes: []Advice{
			{ForClient, "The account or token is authenticated but lacks the role, scope or permission for this action, e.g. an OAuth token without the needed scope."},
			{ForAnyone, "A web application firewall or bot filter (Cloudflare, AWS WAF, ModSecurity) blocked the request because of its IP, country, User-Agent or a rule match in the payload."},
			{ForServer, "The web server cannot read the file: on Linux the nginx or Apache worker user lacks read permission on the file or execute permission on a parent directory."},
			{ForServer, "A directory was requested that has no index file while listing is off, which nginx (autoindex off) and Apache (Options -Indexes) answer with 403."},
			{ForClient, "A CSRF check failed: the form or request lacks the token, or the cookie and token do not match; Django, for example, answers \"CSRF verification failed\" with 403."},
			{ForServer, "A cloud storage policy denies access: Amazon S3 returns 403 AccessDenied for a forbidden object, and even for a missing one when the caller lacks s3:ListBucket."},
		},
		Fixes: []Advice{
			{ForClient, "Check which permission, role or scope the operation needs and request it, or use an account that has it; sending the same credentials again will not help."},
			{ForClient, "If a WAF blocked you, look for a ray or request id in the block page and give it to the site owner; changing VPN exit or User-Agent only hides the symptom."},
			{ForServer, "Fix file ownership and modes (e.g. 644 for files, 755 for directories) and, on SELinux systems, the file context, so the web server user can read what it serves."},
			{ForServer, "Add an index file or deliberately enable listing for directories that should be browsable."},
			{ForServer, "For S3 and similar stores, check the bucket policy, IAM policy and any object ACL; grant s3:ListBucket if you want missing keys to return 404 rather than 403."},
			{ForServer, "Include the CSRF token in forms and AJAX headers as your framework expects (for example X-CSRFToken in Django)."},
			{ForServer, "Return a short, specific reason in the body (missing scope, IP not allow-listed) unless hiding it is a security requirement."},
		},
		Related: []Relation{
			{401, "Send 401 when the caller is not authenticated or the credentials were rejected, so the client can log in; 403 when it is known and still not allowed."},
			{404, "A server may answer 404 instead of 403 to hide that a forbidden resource exists; pick 404 when leaking existence is itself a risk."},
			{451, "451 is the specific refusal for legal reasons (a court order, sanctions); use it instead of 403 when the block is legal rather than a permission rule."},
			{405, "405 refuses the method for everyone; 403 refuses this caller or this request."},
		},
		Headers: []Header{
			{"Content-Type", Optional, Always, "Describe the error body that explains the refusal, if the server chooses to give one."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Do not retry with the same credentials; retry only after permissions change or with different credentials.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 403 Forbidden\r\n" +
			"Content-Type: application/json\r\n" +
			"Content-Length: 60\r\n" +
			"\r\n" +
			`{"error":"insufficient_scope","required_scope":"repo:write"}`,
	},
	{
		Code:     404,
		Phrase:   "Not Found",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.5", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"},
		Summary:  "The origin server has no current representation for the target resource, or will not say that one exists.",
		Description: "404 says nothing about whether the absence is temporary or permanent; if the server knows the resource is " +
			"gone for good, 410 is the better answer. It is also the sanctioned way to hide a resource: a server may send 404 " +
			"instead of 403 so that outsiders cannot tell whether something exists.\n\n" +
			"A 404 is heuristically cacheable, so browsers and CDNs may keep it for a while without explicit freshness " +
			"information; a page that is published just after a 404 was cached can appear missing until that copy expires. " +
			"For APIs, 404 on a collection item usually means the id is unknown, but it can also mean the route itself does not exist.",
		Causes: []Advice{
			{ForClient, "The URL is wrong: a typo, wrong letter case on a case-sensitive server, a missing or extra trailing slash, or a stale bookmark."},
			{ForClient, "The API path lacks a prefix or version segment the server expects (/api/v2/...), or the base URL points at the wrong host or environment."},
			{ForAnyone, "The resource was deleted or renamed without a redirect from the old address."},
			{ForServer, "A single-page app was deep-linked or reloaded on a client-side route, and the static server has no fallback to index.html for that path."},
			{ForServer, "A reverse proxy forwards a different path than the application expects (for example nginx proxy_pass with or without a trailing slash changes how the prefix is stripped)."},
			{ForServer, "The resource exists but the caller may not know that, so the server deliberately answers 404 (GitHub does this for private repositories)."},
			{ForAnyone, "A CDN or browser is still serving a cached 404 from before the resource was published."},
		},
		Fixes: []Advice{
			{ForClient, "Compare the exact URL you requested (curl -v shows it) with the documented one, including case, trailing slash and version prefix."},
			{ForClient, "If you expected the resource to be private rather than missing, check that you are authenticated and authorized; some servers answer 404 instead of 403."},
			{ForServer, "Add 301 or 308 redirects from old URLs when content moves, and 410 for content removed on purpose."},
			{ForServer, "For single-page apps, configure a fallback such as nginx try_files $uri /index.html, while keeping real 404s for API routes and missing assets."},
			{ForServer, "Check reverse-proxy path rewriting (proxy_pass, rewrite rules, ingress path types) with a request log on both sides."},
			{ForServer, "Set Cache-Control on 404 responses (short max-age or no-store) if resources may appear soon, and purge the CDN after publishing."},
		},
		Related: []Relation{
			{410, "410 is for resources that are gone on purpose and will not come back; 404 when you do not know or do not want to say."},
			{403, "403 admits the resource exists but refuses access; 404 can be used instead to hide its existence."},
			{405, "405 means the resource exists but not for this method; answering 404 there hides useful information from clients."},
			{301, "When content moved, a 301 (or 308) redirect to the new URL beats a 404 for users and search engines."},
		},
		Headers: []Header{
			{"Cache-Control", Optional, Always, "A 404 is heuristically cacheable; set max-age or no-store to control how long caches remember it."},
			{"Content-Type", Optional, Always, "Describe the error page or JSON body."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Retrying the same URL is pointless unless the resource is expected to be created soon (for example a job result being prepared); then poll with a delay.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 404 Not Found\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Cache-Control: max-age=60\r\n" +
			"Content-Length: 36\r\n" +
			"\r\n" +
			"No article exists at /articles/4711\n",
	},
	{
		Code:     405,
		Phrase:   "Method Not Allowed",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.6", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6"},
		Summary:  "The server knows the request method, but the target resource does not support it.",
		Description: "The origin server MUST send an Allow header listing the methods the resource currently supports; an empty " +
			"Allow value is legitimate and means the resource accepts no methods at the moment (for example, disabled by " +
			"configuration). RFC 9110 §9.1 draws the line with 501: a recognized method that this resource does not allow gets " +
			"405, a method the server does not recognize or implement at all gets 501.\n\n" +
			"A 405 is heuristically cacheable. Common surprises are static file servers that refuse POST, CORS preflight " +
			"OPTIONS requests that the application never routed, and redirects that silently turned a POST into a GET aimed " +
			"at a GET-less endpoint.",
		Causes: []Advice{
			{ForClient, "The endpoint only supports other methods: a POST to a read-only resource, or a PUT or DELETE where the API expects PATCH or POST."},
			{ForClient, "A 301 or 302 redirect (often http to https or a missing trailing slash) made the client repeat a POST as GET, and the target only accepts POST."},
			{ForServer, "A browser's CORS preflight sends OPTIONS, and the framework or route has no handler for it, so the preflight fails with 405."},
			{ForServer, "A static file server is hit with POST: nginx answers POST to a static file with 405 Not Allowed."},
			{ForClient, "An HTML form can only send GET or POST, so a form meant to update or delete a resource arrives with the wrong method."},
			{ForServer, "The route exists but its handler is registered for a different method, or a WebDAV or security module (such as IIS's WebDAV module) intercepts PUT and DELETE."},
		},
		Fixes: []Advice{
			{ForClient, "Read the Allow header of the response and switch to one of the listed methods."},
			{ForClient, "Call the final URL directly (https, exact trailing slash) so no redirect changes the method; servers should use 307 or 308 for such redirects."},
			{ForServer, "Handle OPTIONS for CORS preflight, usually with your framework's CORS middleware, rather than letting it fall through to 405."},
			{ForServer, "Send the Allow header with every 405 (a MUST in RFC 9110), listing the methods the resource supports right now."},
			{ForServer, "For HTML forms, use a method-override convention (a hidden _method field) or switch the endpoint to POST."},
			{ForServer, "Use 501 instead when the method is unknown to the whole server, and 404 when the path itself does not exist."},
		},
		Related: []Relation{
			{501, "501 is for a method the server does not recognize or implement anywhere; 405 for a known method that this resource does not allow."},
			{404, "404 means the path leads nowhere; 405 means the path exists but not for this method."},
			{403, "403 refuses this caller; 405 refuses the method for every caller."},
			{308, "A 308 (or 307) redirect keeps the method, avoiding the POST-becomes-GET path to a 405 that 301 and 302 can cause."},
		},
		Headers: []Header{
			{"Allow", Required, Always, "RFC 9110 §15.5.6: the origin server MUST list the target resource's currently supported methods, e.g. Allow: GET, HEAD; an empty value means none."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Do not repeat the request with the same method; retry with a method from the Allow header.",
		SentBy:    []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 405 Method Not Allowed\r\n" +
			"Allow: GET, HEAD, OPTIONS\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 39\r\n" +
			"\r\n" +
			"DELETE is not supported on /reports/q3\n",
	},
	{
		Code:     406,
		Phrase:   "Not Acceptable",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.7", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.7"},
		Summary:  "The resource has no representation matching the request's Accept, Accept-Language or Accept-Encoding headers, and the server will not fall back to a default.",
		Description: "406 is the result of proactive content negotiation failing: the client said which formats, languages or " +
			"codings it accepts, none are available, and the server chose to refuse rather than send something else. Servers " +
			"SHOULD list the available representations in the body so the user or client can pick one.\n\n" +
			"Sending a default representation is allowed and usually friendlier, so many servers ignore unsatisfiable Accept " +
			"headers and answer 200. 406 is about what the client wants back, whereas 415 is about what the client sent.",
		Causes: []Advice{
			{ForClient, "The request sends a narrow Accept header (for example Accept: application/xml) to an API that only produces JSON."},
			{ForClient, "Accept-Language or Accept-Encoding rules out everything the server has, e.g. Accept-Encoding: identity;q=0 when only uncompressed content exists."},
			{ForServer, "A framework with strict negotiation (Spring's produces attribute, Rails respond_to) has no renderer for the requested type and raises a not-acceptable error."},
			{ForServer, "On some shared hosts ModSecurity is configured to block suspicious requests with 406, so the code has nothing to do with negotiation."},
		},
		Fixes: []Advice{
			{ForClient, "Send an Accept header the API documents (Accept: application/json), or add */* with a lower q-value as a fallback."},
			{ForClient, "If the 406 page mentions ModSecurity, the request tripped a security rule; contact the host rather than changing headers."},
			{ForServer, "Prefer sending a default representation over 406 when the client can probably still use it; negotiation is a preference, not a contract."},
			{ForServer, "When you do send 406, list the available media types or languages in the body so the client can choose."},
		},
		Related: []Relation{
			{415, "415 rejects the format of the request body (Content-Type); 406 rejects the formats the client is willing to receive (Accept)."},
			{300, "300 offers the client a choice among representations; 406 says none of them matches what the client asked for."},
		},
		Headers: []Header{
			{"Content-Type", Optional, Always, "Type of the body that lists the available representations."},
			{"Vary", Optional, Always, "Name the request headers the negotiation depended on (Accept, Accept-Language) so caches keep variants apart."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Retry only with different Accept, Accept-Language or Accept-Encoding values that match an available representation.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 406 Not Acceptable\r\n" +
			"Content-Type: application/json\r\n" +
			"Vary: Accept\r\n" +
			"Content-Length: 45\r\n" +
			"\r\n" +
			`{"available":["application/json","text/csv"]}`,
	},
	{
		Code:     407,
		Phrase:   "Proxy Authentication Required",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.8", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.8"},
		Summary:  "A proxy between the client and the server requires the client to authenticate before it will forward the request.",
		Description: "407 works like 401, but the party demanding credentials is a proxy, not the origin server. The proxy MUST " +
			"send a Proxy-Authenticate header with a challenge, and the client answers with a Proxy-Authorization header; " +
			"both concern the proxy that asked, not the origin server.\n\n" +
			"For https URLs the 407 arrives as the answer to the CONNECT request that would open the tunnel, before any TLS " +
			"with the origin starts. It is common in corporate networks, and tools that do not know about the proxy " +
			"credentials fail with it in CI jobs, package managers and containers.",
		Causes: []Advice{
			{ForClient, "The client is configured to use a proxy (HTTP_PROXY, HTTPS_PROXY, system settings) but sends no credentials for it."},
			{ForClient, "The proxy credentials are wrong or expired, for example a changed domain password still stored in a proxy URL."},
			{ForClient, "The proxy requires NTLM or Kerberos (Negotiate) and the tool only supports Basic, so it cannot answer the challenge."},
			{ForServer, "The proxy's authentication rules (Squid auth_param and http_access, for instance) were tightened and now also cover this client or destination."},
		},
		Fixes: []Advice{
			{ForClient, "Put credentials in the proxy URL (https_proxy=http://user:pass@proxy:3128, percent-encoding special characters) or use the tool's option, e.g. curl --proxy-user."},
			{ForClient, "Configure each tool that ignores environment variables separately: npm config set proxy, git config http.proxy, Docker daemon and build proxy settings."},
			{ForClient, "For NTLM or Negotiate proxies, use a client that supports them (curl --proxy-ntlm or --proxy-negotiate) or a local helper proxy that authenticates for you."},
			{ForAnyone, "Exclude internal hosts with NO_PROXY so traffic that should not go through the proxy never meets its challenge."},
			{ForServer, "Send a Proxy-Authenticate challenge with every 407 (a MUST), and consider exempting service accounts or build agents by address."},
		},
		Related: []Relation{
			{401, "401 is the origin server asking for credentials (WWW-Authenticate, Authorization); 407 is a proxy asking (Proxy-Authenticate, Proxy-Authorization)."},
			{511, "511 is a captive portal asking the user to log in to the network; 407 is an explicitly configured proxy asking the client to authenticate."},
			{403, "A proxy that knows the client but refuses the destination by policy sends 403, not 407."},
		},
		Headers: []Header{
			{"Proxy-Authenticate", Required, Always, "RFC 9110 §15.5.8: the proxy MUST send a challenge applicable to itself, e.g. Basic realm=\"corp-proxy\" or Negotiate."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Retry after adding a valid Proxy-Authorization header; without new credentials the proxy will refuse again.",
		SentBy:    []Sender{SentByProxy},
		Example: "HTTP/1.1 407 Proxy Authentication Required\r\n" +
			"Proxy-Authenticate: Basic realm=\"corp-proxy\"\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 43\r\n" +
			"\r\n" +
			"Log in to the proxy to reach this address.\n",
	},
	{
		Code:     408,
		Phrase:   "Request Timeout",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.9", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.9"},
		Summary:  "The server gave up waiting for the client to finish sending its request.",
		Description: "408 is about the client side of the exchange: the request line, headers or body did not arrive completely " +
			"within the time the server was willing to wait. A client with a request still in transit may send it again; in " +
			"HTTP/1.1 the connection is no longer usable because the request boundary is lost, so the retry goes on a new one.\n\n" +
			"Because the server is about to close the connection, it should say so with Connection: close; RFC 7231 required " +
			"this of 408 explicitly, and RFC 9112 §9.6 still asks any sender that intends to close to send that option. Browsers " +
			"occasionally log a 408 for a connection they opened in advance and never used, and plenty of servers skip the " +
			"response altogether and just drop the socket.",
		Causes: []Advice{
			{ForClient, "A large upload over a slow or unstable link (mobile, VPN) stalled long enough to hit the server's body timeout."},
			{ForClient, "The client opened a connection, or sent headers announcing a body, and then took too long to send the rest, for example while still generating the data."},
			{ForServer, "Server timeouts are shorter than real clients need: nginx client_header_timeout and client_body_timeout, Apache RequestReadTimeout, or Node.js server.requestTimeout and headersTimeout."},
			{ForAnyone, "A load balancer or proxy in between buffers or throttles the request so it reaches the backend too slowly."},
			{ForServer, "Deliberate protection against slow-request attacks such as Slowloris closes connections that trickle in data."},
		},
		Fixes: []Advice{
			{ForClient, "Retry on a fresh connection; most HTTP clients do this automatically for idempotent requests, and for others make sure a duplicate is harmless (idempotency keys)."},
			{ForClient, "Send large bodies in chunks or resumable pieces, and prepare the data before opening the request so there are no pauses mid-stream."},
			{ForServer, "Tune read timeouts to what legitimate clients need, for example raising client_body_timeout for an upload endpoint only, rather than globally."},
			{ForServer, "Send Connection: close with the 408 and close the connection cleanly, so clients know not to reuse it."},
			{ForServer, "Check timeouts along the whole chain (CDN, load balancer, reverse proxy, app server) so the shortest one is the one you intended."},
		},
		Related: []Relation{
			{504, "504 is a gateway waiting too long for the upstream server's response; 408 is a server waiting too long for the client's request."},
			{499, "nginx logs 499 when the client gives up first and closes the connection; 408 is the server giving up on the client."},
			{413, "413 refuses a body because of its size; 408 because it arrived too slowly."},
		},
		Headers: []Header{
			{"Connection", Recommended, Always, "close: the server is ending the connection. RFC 7231 §6.5.7 said a 408 SHOULD carry it; RFC 9110 dropped that line, but RFC 9112 §9.6 still says a sender SHOULD send close when it intends to close."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "The client may repeat the request on a new connection; retry automatically only for idempotent methods or when the request carries an idempotency key.",
		SentBy:    []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 408 Request Timeout\r\n" +
			"Connection: close\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 39\r\n" +
			"\r\n" +
			"Request body not received within 60 s.\n",
	},
	{
		Code:     409,
		Phrase:   "Conflict",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.10", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.10"},
		Summary:  "The request clashes with the resource's current state, in a way the client may be able to resolve before resubmitting.",
		Description: "409 signals a conflict the user might be able to resolve and then resubmit, such as an edit based on an " +
			"outdated version or a create that collides with something existing. The server SHOULD give enough detail in the " +
			"body for the client to see what conflicts; RFC 9110 names concurrent edits to a versioned resource via PUT as the " +
			"typical case.\n\n" +
			"APIs commonly use 409 for duplicate unique keys, state-machine violations (cancelling an order that has already " +
			"shipped) and reused idempotency keys. When the client declared the expected version up front with If-Match, the " +
			"more precise answer is 412.",
		Causes: []Advice{
			{ForClient, "The update was based on a stale copy: someone else changed the resource after you read it, as with Kubernetes' \"the object has been modified\" error on a resourceVersion mismatch."},
			{ForClient, "A create request collides with an existing resource that must be unique, such as a username or email already taken, or a Kubernetes object that AlreadyExists."},
			{ForClient, "The resource is in a state that forbids the operation, e.g. deleting a non-empty folder or refunding an unpaid invoice."},
			{ForClient, "The request collides with another one sharing its idempotency key, for example a retry sent while the first attempt is still running; Stripe documents 409 for exactly this kind of clash."},
			{ForServer, "Document stores with optimistic concurrency report version clashes as 409: CouchDB on a stale _rev, Elasticsearch on version_conflict_engine_exception."},
		},
		Fixes: []Advice{
			{ForClient, "Fetch the current state, merge or re-apply your change on top of it, and submit again; automate this as a bounded read-modify-write retry loop."},
			{ForClient, "For creates, look up the existing resource and use it, or choose a different unique value."},
			{ForClient, "Use a new idempotency key for a genuinely new request, and wait for the first one to finish before retrying with the same key."},
			{ForServer, "Return the conflicting field or current version in the body (and an ETag) so clients can resolve the conflict without guessing."},
			{ForServer, "Support conditional requests with ETag and If-Match, so clients can detect lost updates explicitly and you can answer 412 instead of a vaguer 409."},
			{ForServer, "Map database unique-constraint violations to 409 deliberately instead of letting them surface as 500."},
		},
		Related: []Relation{
			{412, "412 answers a failed If-Match or If-Unmodified-Since that the client sent; 409 is the server's own conflict check without a client precondition."},
			{422, "422 means the data is invalid in itself; 409 means the data is fine but clashes with the resource's current state."},
			{428, "428 tells the client to send a precondition (If-Match) at all, which turns later lost-update conflicts into clean 412s."},
			{423, "423 (WebDAV) means the resource is locked; 409 covers conflicts in general."},
		},
		Headers: []Header{
			{"Content-Type", Recommended, WithContent, "The body should explain the conflict (RFC 9110 SHOULD); application/problem+json is a good fit."},
			{"ETag", Optional, Always, "The current entity tag helps the client retry with If-Match against the latest version."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Do not repeat the identical request; resolve the conflict first (re-read and merge, pick a new unique value), then resubmit.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 409 Conflict\r\n" +
			"Content-Type: application/problem+json\r\n" +
			"Content-Length: 86\r\n" +
			"\r\n" +
			`{"title":"Conflict","status":409,"detail":"Email already registered","field":"email"}` + "\n",
	},
	{
		Code:     410,
		Phrase:   "Gone",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.11", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.11"},
		Summary:  "The resource was removed on purpose and is not expected to come back.",
		Description: "410 is a deliberate statement that something used to exist here and has been removed for good, with the " +
			"wish that links to it be deleted. If the server cannot tell whether the absence is permanent, RFC 9110 says to use " +
			"404 instead. How long to keep answering 410 is up to the server owner.\n\n" +
			"A 410 is heuristically cacheable. It suits expired promotions, deleted user accounts, and retired API versions whose " +
			"clients should stop calling rather than keep retrying.",
		Causes: []Advice{
			{ForAnyone, "The content was removed on purpose: a deleted post or account, an expired offer, a discontinued product page."},
			{ForClient, "The client calls an API version or endpoint that has been retired after its sunset date."},
			{ForClient, "A one-time or time-limited link (download, invitation, reset token) has been used up or expired, and the service reports it as gone."},
		},
		Fixes: []Advice{
			{ForClient, "Remove or update the link, bookmark or hard-coded URL; the server is telling you it will not come back."},
			{ForClient, "For retired APIs, migrate to the successor version named in the provider's changelog or deprecation notice."},
			{ForServer, "Use 410 only for intentional, permanent removals, and 301 or 308 instead when there is a replacement URL."},
			{ForServer, "Add a short body pointing at alternatives (the new API version, a search page) so users are not left at a dead end."},
		},
		Related: []Relation{
			{404, "404 makes no claim about permanence; 410 asserts the resource is gone for good. Use 404 when unsure."},
			{301, "If the content lives on at another URL, redirect with 301 (or 308) instead of declaring it gone."},
		},
		Headers: []Header{
			{"Cache-Control", Optional, Always, "410 is heuristically cacheable; a long max-age is fine since the condition is meant to be permanent."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Do not retry; the resource is not expected to return.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 410 Gone\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 51\r\n" +
			"\r\n" +
			"API v1 was retired on 2024-06-30. Use /v2 instead.\n",
	},
	{
		Code:     411,
		Phrase:   "Length Required",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.12", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.12"},
		Summary:  "The server wants the body size declared in a Content-Length header, and the request did not provide one.",
		Description: "A server sends 411 when it wants the body size declared up front and the request lacks a valid " +
			"Content-Length, typically because the body was sent with chunked transfer coding, or because a POST or PUT had no " +
			"length at all. The client may repeat the request with a correct Content-Length.\n\n" +
			"RFC 9112 §6.3 allows a server to reject a body without Content-Length this way, and notes that some services do " +
			"so even though they understand chunked, because a gateway in front needs the length before calling them. That is " +
			"why HTTP/1.1 clients are advised to send Content-Length whenever the size is known in advance.",
		Causes: []Advice{
			{ForClient, "The body is streamed with Transfer-Encoding: chunked (for example from a pipe, a generator or a Node.js stream) to a server that insists on a declared length."},
			{ForClient, "A POST or PUT is sent with no body and no Content-Length, as curl -X POST does without -d, and the server wants an explicit Content-Length: 0."},
			{ForServer, "A gateway, serverless platform or storage service in front of the application must know the size before forwarding or allocating space for the upload."},
		},
		Fixes: []Advice{
			{ForClient, "Buffer the body or compute its size and send Content-Length instead of chunked; most HTTP libraries do this automatically when given a byte slice or string instead of a stream."},
			{ForClient, "For empty POST or PUT requests send Content-Length: 0 explicitly (curl -d '' adds it)."},
			{ForServer, "Accept chunked request bodies if your stack can (every HTTP/1.1 recipient must be able to parse chunked), enforcing a maximum size with 413 instead."},
			{ForServer, "If the length really is required, say so in the error body and in the API documentation."},
		},
		Related: []Relation{
			{400, "An invalid or conflicting Content-Length is a framing error answered with 400; 411 is for a length that is missing."},
			{413, "413 rejects a body because its declared or actual size is too large; 411 because no size was declared."},
			{501, "RFC 9112 suggests 501 for a transfer coding the server does not understand at all; 411 when it could read the body but wants a length."},
		},
		Headers:   nil,
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Repeat the request with a valid Content-Length header; without it the server will refuse again.",
		SentBy:    []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 411 Length Required\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 45\r\n" +
			"\r\n" +
			"POST requests must include a Content-Length.\n",
	},
	{
		Code:     412,
		Phrase:   "Precondition Failed",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.13", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.13"},
		Summary:  "A condition the client put in the request headers, such as If-Match, evaluated to false, so the method was not applied.",
		Description: "Conditional headers let a client say \"only do this if the resource is still in the state I expect\". When " +
			"If-Match or If-Unmodified-Since fails, or If-None-Match fails on a method other than GET or HEAD, the origin server " +
			"must not perform the method and may answer 412. This is the standard defence against lost updates: two clients " +
			"editing the same resource cannot silently overwrite each other.\n\n" +
			"If the change the client asked for appears to be already in place, RFC 9110 allows a 2xx instead. On GET and HEAD a " +
			"failed If-None-Match or If-Modified-Since produces 304, not 412, and preconditions are ignored entirely when the " +
			"request would otherwise fail with something other than 2xx or 412.",
		Causes: []Advice{
			{ForClient, "The If-Match ETag is stale: another client modified the resource after you fetched it."},
			{ForClient, "A create-only request used If-None-Match: * and the resource already exists."},
			{ForClient, "If-Unmodified-Since carries a date older than the resource's Last-Modified, often because of client clock skew or second-level timestamp rounding."},
			{ForAnyone, "The ETag changed for reasons unrelated to the content: a weak ETag compared strongly, a proxy recompressing the body, or different ETags from different servers behind a load balancer."},
		},
		Fixes: []Advice{
			{ForClient, "Re-fetch the resource to get its current ETag, re-apply your change, and retry with the new If-Match value."},
			{ForClient, "Use If-Match with ETags rather than dates; entity tags are more precise than second-resolution timestamps."},
			{ForServer, "Generate ETags from the stored version or content (not from per-server values such as inode numbers), so every node behind the load balancer agrees."},
			{ForServer, "Include the current ETag in the 412 response so the client can recover without an extra round trip."},
		},
		Related: []Relation{
			{409, "409 is a conflict the server detects on its own; 412 is specifically a precondition the client supplied that turned out false."},
			{428, "428 asks the client to add a precondition it left out; 412 says the one it sent failed."},
			{304, "304 is the outcome of a failed If-None-Match or If-Modified-Since on GET or HEAD; 412 is the outcome for If-Match, If-Unmodified-Since, and If-None-Match on other methods."},
		},
		Headers: []Header{
			{"ETag", Optional, Always, "The current entity tag lets the client retry with an up-to-date If-Match."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Do not resend the same conditional request; re-read the resource, reconcile your change, and retry with fresh validators.",
		SentBy:    []Sender{SentByOrigin, SentByCDN},
		Example: "HTTP/1.1 412 Precondition Failed\r\n" +
			"ETag: \"v42\"\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 53\r\n" +
			"\r\n" +
			"If-Match \"v41\" failed: the current version is \"v42\".\n",
	},
	{
		Code:     413,
		Phrase:   "Content Too Large",
		Aliases:  []string{"Payload Too Large", "Request Entity Too Large"},
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.14", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.14"},
		Summary:  "The request body exceeds the size the server is willing or able to handle.",
		Description: "413 rejects a request because of the size of its body. The server may stop reading, terminating the " +
			"request if the protocol allows it (an HTTP/2 stream reset, for instance) or otherwise closing the connection, so " +
			"clients sending large uploads may see a connection error instead of the response. If the limit is temporary, the " +
			"server SHOULD send Retry-After to say when the client may try again.\n\n" +
			"The code was called Request Entity Too Large in RFC 2616 and Payload Too Large in RFC 7231; RFC 9110 renamed it " +
			"Content Too Large. In practice it almost always comes from a configured limit: nginx client_max_body_size " +
			"(1 MB by default), body-parser's 100 kB default in Express, or a CDN's upload cap.",
		Causes: []Advice{
			{ForClient, "The upload or JSON body exceeds the limit of the service, often a file upload or a base64-encoded image embedded in JSON."},
			{ForServer, "nginx's client_max_body_size (default 1m) rejects the body before the application sees it; on Kubernetes ingress-nginx the same limit is set with the nginx.ingress.kubernetes.io/proxy-body-size annotation."},
			{ForServer, "The application framework's own limit is lower than expected: Express body-parser defaults to 100kb, Apache has LimitRequestBody, and multipart upload limits are separate settings in most frameworks."},
			{ForAnyone, "A CDN or API gateway in front caps request bodies by plan or product (Cloudflare, API gateways, serverless functions) regardless of the origin's settings."},
		},
		Fixes: []Advice{
			{ForClient, "Compress or shrink the content, upload large files in chunks or with a resumable protocol, or upload straight to object storage with a pre-signed URL."},
			{ForClient, "Send Expect: 100-continue with large bodies so the server can refuse with 413 before you transmit the whole upload."},
			{ForServer, "Raise the limit at every hop that has one (CDN, load balancer, nginx client_max_body_size, framework body limit), ideally only on the upload routes."},
			{ForServer, "Document the maximum size and include it in the 413 body; send Retry-After when the limit is temporary, as RFC 9110 asks."},
		},
		Related: []Relation{
			{431, "431 is for request header fields (cookies, long tokens) that are too large; 413 is for the body."},
			{414, "414 is for a URI that is too long; moving data from the query string into the body trades a 414 for a possible 413."},
			{411, "411 means the server wants the size declared with Content-Length; 413 means the size is too big."},
			{507, "507 (WebDAV) means the server has no storage left for the data; 413 means the single request is over the limit."},
		},
		Headers: []Header{
			{"Retry-After", Recommended, IfTemporary, "RFC 9110 §15.5.14: if the condition is temporary the server SHOULD send Retry-After to say when to try again."},
			{"Connection", Optional, Always, "close, when the server stops reading the oversized body and closes the HTTP/1.1 connection."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Retrying the same body will fail again; shrink or split it. Only when a Retry-After is present is the limit temporary, and the client may retry after that time.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 413 Content Too Large\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Connection: close\r\n" +
			"Content-Length: 39\r\n" +
			"\r\n" +
			"Uploads are limited to 10 MB per file.\n",
	},
	{
		Code:     414,
		Phrase:   "URI Too Long",
		Aliases:  []string{"Request-URI Too Long"},
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.15", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.15"},
		Summary:  "The request-target is longer than the server is prepared to parse.",
		Description: "A server answers 414 when the request-target exceeds the length it is prepared to parse; RFC 9112 makes that " +
			"answer a MUST for HTTP/1.1 and recommends that everyone support request lines of at least 8000 octets. RFC 9110 " +
			"lists the usual reasons: a POST turned into a GET with a long query string, a redirect loop that keeps growing the " +
			"URI, or an attack probing for buffer overflows.\n\n" +
			"The code was Request-URI Too Long in RFC 2616 and renamed URI Too Long in RFC 7231. A 414 is heuristically " +
			"cacheable.",
		Causes: []Advice{
			{ForClient, "Large data is sent in the query string: long filter lists, many ids, serialized state or base64 content in a GET."},
			{ForAnyone, "A redirect loop appends to the URL on each hop (for example a return-to parameter that contains itself) until it exceeds the limit."},
			{ForServer, "The server's request-line limit is small: nginx returns 414 when the request line does not fit in one large_client_header_buffers buffer (8k by default), and Apache's LimitRequestLine defaults to 8190 bytes."},
			{ForServer, "A proxy or CDN in front enforces its own, lower URL length limit than the origin."},
		},
		Fixes: []Advice{
			{ForClient, "Move bulky parameters into a request body: use POST (or a QUERY-style search endpoint if the API offers one) for searches with many criteria."},
			{ForClient, "Keep ids and filters short, or create a server-side saved query and pass its id."},
			{ForServer, "Fix redirect rules that re-append parameters, and cap the size of return-to or state parameters."},
			{ForServer, "Raise large_client_header_buffers (nginx) or LimitRequestLine (Apache) only when legitimate URLs need it, and keep it consistent across every proxy in the chain."},
		},
		Related: []Relation{
			{431, "431 is for header fields that are too large; 414 is for the request-target alone. Some servers report both as 400."},
			{413, "413 concerns the body; moving parameters from the URL into the body avoids 414 but is subject to the body limit."},
			{400, "Servers that do not use 414 often answer an overlong request line with a generic 400."},
		},
		Headers:   nil,
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Do not retry the same URI; shorten it or move the data into a request body first.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 414 URI Too Long\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 48\r\n" +
			"\r\n" +
			"Request line exceeds 8192 bytes; use POST body.\n",
	},
	{
		Code:     415,
		Phrase:   "Unsupported Media Type",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.16", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.16"},
		Summary:  "The origin server refuses the request because its content is in a format this method and resource do not support.",
		Description: "415 is about what the client sent: the Content-Type, the Content-Encoding, or the data itself once " +
			"inspected is not something the endpoint accepts. When an unsupported content coding (say, a gzip-compressed request " +
			"body) is the problem, the response ought to carry Accept-Encoding listing the codings that would have worked; for an " +
			"unsupported media type, an Accept header in the response can list the acceptable types.\n\n" +
			"Frameworks produce 415 before your handler runs when no parser matches the Content-Type, so a missing or slightly " +
			"wrong header is the usual culprit rather than the data itself.",
		Causes: []Advice{
			{ForClient, "The Content-Type header is missing or wrong: JSON sent as text/plain (fetch with a string body does this by default) or as application/x-www-form-urlencoded."},
			{ForClient, "The endpoint expects multipart/form-data for file uploads but receives raw bytes or JSON, or the other way round."},
			{ForClient, "The request body is compressed (Content-Encoding: gzip) and the server does not decode request codings."},
			{ForServer, "The handler declares too few accepted types (Spring's consumes attribute, ASP.NET Core's [Consumes]), leaving out something clients really send, such as a vendor type like application/vnd.api+json."},
		},
		Fixes: []Advice{
			{ForClient, "Set the Content-Type that matches the body, e.g. Content-Type: application/json together with a JSON-serialized body."},
			{ForClient, "Check the response's Accept or Accept-Encoding header, if present, for the formats and codings the server would take, and send an uncompressed body if compression is not listed."},
			{ForServer, "Register parsers for every format the endpoint should take, and accept parameters such as charset on the media types you support."},
			{ForServer, "Send Accept-Encoding (for coding problems) or Accept (for media type problems) in the 415 so clients can correct themselves."},
		},
		Related: []Relation{
			{406, "406 is about the formats the client will accept in the response; 415 is about the format of the request the client sent."},
			{422, "422 means the format is supported and parses, but the content is semantically invalid; 415 means the format itself is not accepted."},
			{400, "400 fits a body that claims a supported type but is malformed; 415 a body whose type is not supported at all."},
		},
		Headers: []Header{
			{"Accept-Encoding", Recommended, ForCodedContent, "RFC 9110 §15.5.16: when an unsupported content coding caused the 415, this header ought to list the codings that would be accepted."},
			{"Accept", Optional, Always, "When the media type was the problem, lists the media types the resource would accept in a request."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Retry only after changing the Content-Type or Content-Encoding (or the body) to one the server supports.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 415 Unsupported Media Type\r\n" +
			"Accept: application/json\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 43\r\n" +
			"\r\n" +
			"Expected application/json, got text/plain.\n",
	},
	{
		Code:     416,
		Phrase:   "Range Not Satisfiable",
		Aliases:  []string{"Requested Range Not Satisfiable"},
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.17", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.17"},
		Summary:  "None of the ranges in the request's Range header can be served from the current representation, or the client asked for too many small or overlapping ranges.",
		Description: "A 416 answers a range request whose ranges all fall outside the selected representation: for bytes, typically every range starts " +
			"at or beyond the current length. A server may also use it to refuse a Range header with an excessive number of tiny or " +
			"overlapping ranges, which is a known denial-of-service pattern. For a byte-range request the server SHOULD send " +
			"Content-Range: bytes */<length>, which tells the client how long the representation really is.\n\n" +
			"Servers are free to ignore Range entirely, so many answer an impossible range with a plain 200 and the whole " +
			"representation; clients cannot count on getting a 416 even where it fits. The name was \"Requested Range Not " +
			"Satisfiable\" until RFC 7233 shortened it, and many libraries still print the old phrase.",
		Causes: []Advice{
			{ForClient, "A resumed download asks for bytes starting at the size of the local partial file, but the local file is already complete (wget -c on a finished file gets exactly this), so the first requested byte does not exist."},
			{ForAnyone, "The file on the server changed or shrank since the first part was fetched, so the saved offset now lies past its end."},
			{ForClient, "The Range header was computed wrongly: an off-by-one (bytes=1000- on a 1000-byte file), or bytes=0- against an empty file, which has no byte 0."},
			{ForClient, "A media player or download accelerator asked for dozens of small or overlapping ranges, and the server refused the whole set."},
		},
		Fixes: []Advice{
			{ForClient, "Read Content-Range: bytes */N from the 416: if your local copy already has N bytes it is complete, otherwise discard it and download again without Range."},
			{ForClient, "Send If-Range with the ETag (or Last-Modified) of the part you already have, so that a changed file comes back as a full 200 instead of a mismatched range or a 416."},
			{ForClient, "Request a few merged ranges rather than many small ones; coalesce neighbouring ranges before sending them."},
			{ForServer, "Compute satisfiability against the current length of the representation, and include Content-Range: bytes */<length> in every 416 to a byte-range request."},
			{ForServer, "For generated content whose length is not known in advance, ignore Range and send 200 (with Accept-Ranges: none) rather than a 416."},
		},
		Related: []Relation{
			{206, "206 is the success case of the same request: at least one range was satisfiable and only those bytes are sent."},
			{200, "A server may ignore Range and answer 200 with the whole representation; that is also what If-Range produces when the validator no longer matches."},
			{412, "412 reports a false precondition (If-Match, If-Unmodified-Since); a failed If-Range never produces 412 or 416, it just yields a full 200."},
		},
		Headers: []Header{
			{"Content-Range", Recommended, ForRangeRequest, "RFC 9110 §15.5.17: a 416 to a byte-range request SHOULD carry bytes */<current length>, e.g. Content-Range: bytes */47022."},
			{"Accept-Ranges", Optional, Always, "bytes confirms that ranges are supported; none tells clients to stop sending Range."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Not with the same Range: correct the range using the length in Content-Range, or request the whole representation without Range.",
		SentBy:    []Sender{SentByOrigin, SentByCDN, SentByProxy},
		Example: "HTTP/1.1 416 Range Not Satisfiable\r\n" +
			"Content-Range: bytes */1048576\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 54\r\n" +
			"\r\n" +
			"Range starts beyond the end of the 1048576-byte file.\n",
	},
	{
		Code:     417,
		Phrase:   "Expectation Failed",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.18", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.18"},
		Summary:  "An expectation in the request's Expect header could not be met by at least one server in the chain.",
		Description: "The only expectation HTTP defines is 100-continue, in which a client asks for a 100 (Continue) before sending a large " +
			"body. A server that receives any other expectation MAY answer 417, and an intermediary that cannot honour an expectation " +
			"(classically an HTTP/1.0 proxy) may answer 417 on behalf of the whole chain.\n\n" +
			"Because the 417 usually only means that something along the path does not support expectations, RFC 9110 §10.1.1 says a " +
			"client that gets 417 for a 100-continue request SHOULD simply repeat the request without the Expect header. The error " +
			"has nothing to do with the body or the resource itself.",
		Causes: []Advice{
			{ForClient, "The client adds Expect: 100-continue automatically (curl does for larger uploads, .NET Framework's HttpWebRequest does by default) and a proxy such as an old Squid rejects it."},
			{ForClient, "The request carries an expectation other than 100-continue, which servers are allowed to refuse outright."},
			{ForServer, "A load balancer, WAF or legacy HTTP/1.0 component in front of the application does not implement Expect and answers 417 instead of forwarding the request."},
		},
		Fixes: []Advice{
			{ForClient, "Repeat the request once without the Expect header; RFC 9110 recommends exactly that."},
			{ForClient, "Turn off the automatic header: curl -H 'Expect:' in the shell, CURLOPT_HTTPHEADER with \"Expect:\" in libcurl, or ServicePointManager.Expect100Continue = false in .NET Framework."},
			{ForServer, "Upgrade or reconfigure the proxy so it handles 100-continue (answering 100 itself or forwarding the expectation) instead of rejecting it."},
			{ForServer, "Reserve 417 for expectations you really cannot meet, and name the unsupported expectation in the body."},
		},
		Related: []Relation{
			{100, "100 (Continue) is the answer the 100-continue expectation hopes for; 417 says the expectation itself cannot be handled."},
			{413, "A server that sees Expect: 100-continue announcing a body it will not accept can answer 413 before the body is sent; 417 is about the expectation, not the size."},
			{400, "400 is for malformed requests; 417 is specifically about the Expect header and is fixed by dropping it."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Yes, once, without the Expect header: the 417 usually only means a hop in the chain does not support expectations.",
		SentBy:    []Sender{SentByProxy, SentByOrigin},
		Example: "HTTP/1.1 417 Expectation Failed\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 40\r\n" +
			"\r\n" +
			"Expectation not supported: 100-continue\n",
	},
	{
		Code:     418,
		Phrase:   "(Unused)",
		Class:    ClientError,
		Registry: Reserved,
		RegistryNote: "Reserved by RFC 9110 §15.5.19. RFC 2324, an April 1 joke from 1998, defined 418 \"I'm a teapot\" for its coffee-pot " +
			"protocol; it has been deployed as a joke so widely that IANA lists 418 as \"(Unused)\" so no real meaning is ever " +
			"assigned to it, unless 4xx numbers one day run out. The teapot meaning is a separate, unofficial entry.",
		Spec:    Spec{Document: "RFC 9110", Section: "15.5.19", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.19"},
		Summary: "418 is reserved in the IANA registry and has no standard meaning; servers that send it are using the \"I'm a teapot\" joke code.",
		Description: "RFC 2324 (Hyper Text Coffee Pot Control Protocol) was an April Fools' RFC that poked fun at the ways HTTP gets " +
			"stretched, and its 418 \"I'm a teapot\" ended up implemented in frameworks, easter eggs and test suites. RFC 9110 therefore " +
			"reserves the number: it cannot be assigned to any other use for now, because existing deployments would clash with it.\n\n" +
			"In practice a 418 on the wire always means the server chose the joke code, sometimes playfully and sometimes to brush " +
			"off requests it takes for bots. Generic clients treat it like any unknown 4xx, that is, as a 400. It should never be used " +
			"to report a real error, because it tells the client nothing actionable.",
		Causes: []Advice{
			{ForAnyone, "The server answers 418 deliberately as an easter egg or a test endpoint; the joke code is built into many frameworks (Go's http.StatusTeapot, Node's STATUS_CODES[418])."},
			{ForClient, "Some sites and anti-bot layers return 418 to requests they believe come from scripts, for example a default python-requests or curl User-Agent."},
			{ForServer, "An application or mock server uses 418 as a placeholder for \"not implemented yet\" or to flag an unexpected branch, and it leaked into production."},
		},
		Fixes: []Advice{
			{ForClient, "Handle 418 like any other 4xx: do not retry blindly; if you were flagged as a bot, identify your client honestly and use the site's official API."},
			{ForServer, "Replace 418 with the code that says what happened: 403 for a refusal, 429 for throttling, 501 for unimplemented functionality."},
			{ForServer, "Keep easter-egg 418 endpoints out of API surfaces that monitoring and client libraries depend on."},
		},
		Related: []Relation{
			{400, "A client that does not know 418 must treat it as 400, the generic client error of the class."},
			{403, "Sites that send 418 to suspected bots really mean 403: the request is refused and retrying will not help."},
			{306, "306 is the other reserved number in the registry, kept unused for historical reasons rather than a joke."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Retrying will not change the answer: the server chose the joke code on purpose.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 418 I'm a teapot\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 48\r\n" +
			"\r\n" +
			"I'm a teapot. This server does not brew coffee.\n",
	},
	{
		Code:     421,
		Phrase:   "Misdirected Request",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.20", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.20"},
		Summary:  "The request reached a server that cannot or will not answer authoritatively for the target URI on this connection.",
		Description: "An origin server, or a gateway speaking for it, sends 421 when the target URI does not match an origin it is configured " +
			"for, or does not fit the connection it arrived on, for example a TLS connection whose certificate or SNI was set up for a " +
			"different host. The code appeared with HTTP/2, where browsers reuse (coalesce) one connection for several host names " +
			"covered by the same certificate and IP address.\n\n" +
			"RFC 9110 lets the client retry the request over a different connection, such as a fresh one made for the target's " +
			"origin, whether or not the method is idempotent. A proxy MUST NOT generate 421: only an origin server, or a gateway " +
			"acting for one, may send it.",
		Causes: []Advice{
			{ForAnyone, "HTTP/2 connection coalescing: the browser sent a request for b.example.com over a connection opened for a.example.com because the certificate covers both, but that server does not serve b.example.com."},
			{ForServer, "The Host header names a different virtual host than the TLS SNI of the connection; Apache httpd's mod_ssl answers such requests with 421."},
			{ForServer, "A reverse proxy connects to a TLS backend with one name in SNI and forwards another in Host (for instance Apache ProxyPreserveHost On in front of an HTTPS backend, or nginx with proxy_ssl_name differing from the Host it sends)."},
			{ForAnyone, "DNS or a load balancer routes a host name to a server that has no configuration for it and rejects the request as misdirected."},
		},
		Fixes: []Advice{
			{ForClient, "Retry on a new connection opened specifically for the target host; browsers do this automatically after a 421 on a coalesced connection."},
			{ForServer, "Make the TLS SNI and the Host header agree on proxied connections, e.g. in nginx proxy_ssl_server_name on; proxy_ssl_name $host; and the matching host in proxy_set_header Host."},
			{ForServer, "Do not put host names on a shared certificate unless every server holding it can serve all of them, or advertise the served origins with the HTTP/2 ORIGIN frame (RFC 8336)."},
			{ForServer, "Check that DNS and load-balancer rules send each host name only to servers that have a virtual host for it."},
		},
		Related: []Relation{
			{400, "400 covers a missing or malformed Host header; 421 is for a well-formed request that simply reached the wrong server or connection."},
			{404, "404 means the server is right but the resource is missing; 421 means this server is the wrong one to ask."},
			{502, "502 is a gateway reporting a bad upstream answer; a 421 from a backend behind a proxy usually points at an SNI or Host mismatch in the proxy configuration."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Yes, over a different connection (a fresh one to the target's origin), even for non-idempotent methods; never on the same connection.",
		SentBy:    []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 421 Misdirected Request\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 75\r\n" +
			"\r\n" +
			"This server is not configured to serve api.example.com on this connection.\n",
	},
	{
		Code:     422,
		Phrase:   "Unprocessable Content",
		Aliases:  []string{"Unprocessable Entity"},
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.21", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.21"},
		Summary:  "The server understood the request's content type and could parse the content, but the instructions or values in it cannot be processed.",
		Description: "422 sits between 400 and 415: the media type is supported (so not 415) and the body is syntactically valid (so not a " +
			"parse error), yet the server cannot act on what it says, for example well-formed JSON whose fields fail validation or break a " +
			"business rule. It started in WebDAV (RFC 4918) as \"Unprocessable Entity\" and moved into core HTTP with RFC 9110 under its " +
			"new name; Go's net/http and many other libraries still print the old phrase.\n\n" +
			"It has become the usual answer for validation errors: Laravel and FastAPI send it by default and Rails scaffolds use it for failed saves. " +
			"A useful 422 lists every failing field and why, ideally as RFC 9457 problem details, so the client can fix all of them at once.",
		Causes: []Advice{
			{ForClient, "The JSON parses but fails validation: a required field is missing, a value has the wrong type or format (an email without @, a date in the wrong format), or a number is out of range."},
			{ForClient, "FastAPI (via Pydantic) answers 422 with a detail array when parameters are in the wrong place, such as sending as query parameters what the endpoint expects in a JSON body, or omitting Content-Type: application/json."},
			{ForClient, "Laravel form requests that fail validation return 422 with message and errors to clients that accept JSON (browsers submitting HTML forms get a redirect back instead)."},
			{ForClient, "A Rails form was submitted with a missing or stale CSRF token; ActionController::InvalidAuthenticityToken is rendered as 422 with the page \"The change you wanted was rejected\"."},
			{ForClient, "The request breaks a business rule: an end date before the start date, a duplicate name, or GitHub's 422 \"Validation Failed\" when opening a pull request with no commits between the branches."},
			{ForServer, "The framework maps every validation exception to 422, including cases that are really a conflict with current state (409) or an unparseable body (400)."},
		},
		Fixes: []Advice{
			{ForClient, "Read the error body: it normally names each failing field (a JSON pointer, a loc path or an errors map) and the rule it broke."},
			{ForClient, "Validate input against the API's published schema (OpenAPI, JSON Schema) before sending, so mistakes are caught locally."},
			{ForClient, "For FastAPI services, check whether each parameter belongs in the path, the query or the JSON body, and send the body with Content-Type: application/json."},
			{ForClient, "In Rails apps, send the token from csrf_meta_tags in the X-CSRF-Token header for fetch/XHR calls, and reload the form after a long idle period or a new login."},
			{ForClient, "Do not retry a 422 unchanged: correct the values the error names and send the request again."},
			{ForServer, "Return all validation errors in one structured response (application/problem+json with an errors extension) rather than only the first one."},
			{ForServer, "Keep the split consistent: 400 for unparseable input, 415 for an unsupported media type, 409 for a clash with current state, 422 for well-formed content that fails validation."},
		},
		Related: []Relation{
			{400, "Use 400 when the request cannot be parsed at all (broken JSON, bad framing); use 422 when it parses but the values are unacceptable."},
			{415, "415 means the content type or encoding is not supported; 422 assumes the type is understood and the data inside is the problem."},
			{409, "409 says the request conflicts with the resource's current state (an edit on a stale version, a duplicate that appeared meanwhile); 422 says the request is invalid on its own."},
			{412, "412 reports a failed precondition header such as If-Match; 422 is about the content of the body."},
		},
		Headers: []Header{
			{"Content-Type", Recommended, WithContent, "Describe the error body; application/problem+json (RFC 9457) lets clients read the list of failing fields programmatically."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Never unchanged: the same content will be rejected again. Fix the values the error names, then resend.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 422 Unprocessable Content\r\n" +
			"Content-Type: application/problem+json\r\n" +
			"Content-Length: 140\r\n" +
			"\r\n" +
			`{"type":"about:blank","title":"Unprocessable Content","status":422,"errors":[{"pointer":"/email","detail":"must be a valid email address"}]}`,
	},
	{
		Code:     423,
		Phrase:   "Locked",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 4918", Section: "11.3", URL: "https://www.rfc-editor.org/rfc/rfc4918.html#section-11.3"},
		Summary:  "The source or destination resource of the method is locked (WebDAV), and the request did not hold the lock.",
		Description: "423 comes from WebDAV (RFC 4918), where a client can take a write lock on a resource with LOCK and must then present the " +
			"lock token, in the If header, with every request that modifies it. A request that tries to change a locked resource " +
			"without the right token gets 423. The response SHOULD carry a precondition or postcondition code in a DAV:error XML body, " +
			"typically lock-token-submitted (you did not send the token) or no-conflicting-lock (someone else's lock is in the way).\n\n" +
			"Plain websites never send it, but WebDAV servers such as Nextcloud, ownCloud and Apache mod_dav do, and sync " +
			"clients surface it as \"file is locked\".",
		Causes: []Advice{
			{ForAnyone, "Another user or program holds a write lock on the file, for example a colleague who has the document open in an office suite over WebDAV."},
			{ForClient, "Your own client holds the lock but did not send its token in the If header (If: (<urn:uuid:...>)) with the PUT, MOVE or DELETE."},
			{ForAnyone, "A stale lock survived a crash or a lost connection and has not timed out yet."},
			{ForServer, "A server-side file-locking layer (Nextcloud's transactional file locking, for instance) still holds locks from an interrupted sync or upload."},
		},
		Fixes: []Advice{
			{ForClient, "Send the lock token you received from LOCK in the If header of every modifying request while you hold the lock."},
			{ForClient, "Release your lock with UNLOCK and the Lock-Token header when you are done, or wait until the lock's Timeout expires."},
			{ForAnyone, "Ask whoever holds the lock to close the file; DAV:lockdiscovery (via PROPFIND) shows the active lock and, when the locker supplied one, its owner."},
			{ForServer, "Clear stale locks from the locking backend and give locks a sensible timeout; on Nextcloud a memory-based lock store such as Redis reduces leftovers."},
			{ForServer, "Include the precondition element (lock-token-submitted with the locked URL, or no-conflicting-lock) in the 423 body so clients know which lock blocks them."},
		},
		Related: []Relation{
			{409, "409 is the general conflict with the resource's state; 423 pins the conflict on a lock."},
			{412, "In WebDAV a submitted lock token that does not match makes the If header false, which yields 412 rather than 423."},
			{424, "When one member of a multi-resource operation is locked, it reports 423 and the operations that depended on it report 424."},
			{207, "For operations on collections the 423 often appears inside a 207 Multi-Status body, one status per resource."},
		},
		Headers: []Header{
			{"Content-Type", Recommended, WithContent, "application/xml for the DAV:error body that names the failed precondition, as RFC 4918 §11.3 asks."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "After the lock is released or expires, or with the correct lock token in the If header; retrying unchanged fails while the lock lasts.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 423 Locked\r\n" +
			"Content-Type: application/xml; charset=utf-8\r\n" +
			"Content-Length: 158\r\n" +
			"\r\n" +
			"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
			"<D:error xmlns:D=\"DAV:\"><D:lock-token-submitted><D:href>/files/budget.xlsx</D:href></D:lock-token-submitted></D:error>\n",
	},
	{
		Code:     424,
		Phrase:   "Failed Dependency",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 4918", Section: "11.4", URL: "https://www.rfc-editor.org/rfc/rfc4918.html#section-11.4"},
		Summary:  "The method could not be performed on the resource because it depended on another action that failed.",
		Description: "424 is a WebDAV code (RFC 4918) for all-or-nothing operations. PROPPATCH, for example, applies its property changes " +
			"atomically: if one change fails, say with 403 on a protected property, every other change in the request is reported as " +
			"424, meaning it was fine in itself but was not carried out. It therefore appears mostly inside a 207 Multi-Status body, " +
			"next to the one status that explains the real failure.\n\n" +
			"Outside WebDAV some APIs borrow 424 for a failed step in a chained or batch operation. The real cause is always another " +
			"error, so the 424 on its own should never be the end of the investigation.",
		Causes: []Advice{
			{ForClient, "One property in a PROPPATCH failed (protected, invalid value, forbidden), so the other properties in the same request were rolled back with 424."},
			{ForClient, "A LOCK on a collection failed because a member was already locked; the member reports 423 and the collection itself reports 424 in the 207 body."},
			{ForServer, "A batch or workflow API marks later steps with 424 after an earlier step they depend on failed."},
		},
		Fixes: []Advice{
			{ForClient, "Look through the 207 Multi-Status body for the entry whose status is not 424 (a 403, 409 or 423): that is the real error to fix."},
			{ForClient, "Fix or drop the failing change and resend the whole request, since the dependent changes were not applied."},
			{ForServer, "Always report the root failure alongside the 424s, with a description of which action the others depended on."},
			{ForServer, "In non-WebDAV APIs prefer 502 or 503 when the failed dependency is an upstream service, and 409 or 422 when it is an earlier step of the request."},
		},
		Related: []Relation{
			{207, "207 Multi-Status is the usual container for 424: it carries one status per resource or property."},
			{423, "A locked member reports 423; the operations that needed it report 424."},
			{403, "A 403 on a protected property is a typical root cause that turns the rest of a PROPPATCH into 424s."},
			{502, "When the failed dependency is an upstream server, 502 describes it better than 424 outside WebDAV."},
		},
		Headers: []Header{
			{"Content-Type", Optional, Always, "Describe the body that points at the failed action the request depended on."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Only after fixing the action it depended on; resend the whole operation, because nothing in it was applied.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 424 Failed Dependency\r\n" +
			"Content-Type: application/problem+json\r\n" +
			"Content-Length: 108\r\n" +
			"\r\n" +
			`{"title":"Failed Dependency","status":424,"detail":"Stock reservation failed, so payment was not attempted"}`,
	},
	{
		Code:     425,
		Phrase:   "Too Early",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 8470", Section: "5.2", URL: "https://www.rfc-editor.org/rfc/rfc8470.html#section-5.2"},
		Summary:  "The server will not risk processing a request that arrived in TLS early data (0-RTT), because it might be a replay.",
		Description: "TLS 1.3 lets a client that resumes a session send its first request as early data, before the handshake completes, " +
			"saving a round trip. Early data can be captured and replayed by an attacker, so a server may refuse requests whose repetition " +
			"would be harmful and answer 425. RFC 8470 says a user agent SHOULD retry automatically, but never again in early data; " +
			"a server SHOULD NOT send 425 unless the request came in early data or carried Early-Data: 1.\n\n" +
			"An intermediary such as a CDN that accepts a request in early data marks it with Early-Data: 1 when forwarding it. An " +
			"intermediary MUST pass a 425 back if the request it received already carried Early-Data; otherwise it may retry the " +
			"request itself once its own handshake is complete. The code is not cacheable by default, and its body does not represent " +
			"any resource.",
		Causes: []Advice{
			{ForClient, "The request was sent in TLS 1.3 early data on a resumed connection, and the server treats this method or path (often a POST) as unsafe to replay."},
			{ForServer, "A CDN or reverse proxy accepted 0-RTT and forwarded the request with Early-Data: 1, and the origin application rejects such requests."},
			{ForServer, "nginx runs with ssl_early_data on and passes $ssl_early_data to the backend, which answers 425 for non-idempotent requests."},
		},
		Fixes: []Advice{
			{ForClient, "Retry the request after the handshake has completed, not in early data; RFC 8470 expects clients that send early data to do this automatically."},
			{ForClient, "Only send idempotent requests (GET, HEAD) in early data; wait for the full handshake before any state-changing request."},
			{ForServer, "Forward the early-data signal to the application (in nginx: proxy_set_header Early-Data $ssl_early_data;) and answer 425 only for requests that are not safe to replay."},
			{ForServer, "If the application cannot tell replay-safe requests apart, disable 0-RTT (ssl_early_data off) instead of sending 425 broadly."},
		},
		Related: []Relation{
			{421, "421 also asks for a retry on another connection, but because of the wrong host, not because of replay risk."},
			{503, "503 is a temporary refusal for load reasons; 425 is resolved immediately by resending after the handshake."},
			{400, "Clients that do not know 425 treat it as 400, which is why only clients that send early data should ever see it."},
		},
		Headers: []Header{
			{"Early-Data", Optional, Always, "A request header: Early-Data: 1 is added by an intermediary that received the request in early data; an intermediary that receives a request already carrying it MUST forward a 425 instead of retrying."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Yes, automatically and at once, but only after the TLS handshake has completed; the retry MUST NOT be sent in early data.",
		SentBy:    []Sender{SentByOrigin, SentByCDN, SentByProxy},
		Example: "HTTP/1.1 425 Too Early\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 59\r\n" +
			"\r\n" +
			"Request sent in TLS early data; retry after the handshake.\n",
	},
	{
		Code:     426,
		Phrase:   "Upgrade Required",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5.22", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.22"},
		Summary:  "The server refuses to handle the request over the current protocol but may do so after the client switches to one it names in the Upgrade header.",
		Description: "A 426 tells the client that the request is fine but the protocol is not: the server MUST send an Upgrade header listing " +
			"the acceptable protocols in order of preference, and, because Upgrade is hop-by-hop, Connection: upgrade with it. The " +
			"client can then repeat the request with a matching Upgrade header (and get 101 Switching Protocols) or over the named " +
			"protocol directly.\n\n" +
			"Today the most common source is a WebSocket-only endpoint receiving an ordinary HTTP request. The Upgrade mechanism exists " +
			"only in HTTP/1.1; HTTP/2 and HTTP/3 forbid it, so a 426 cannot be acted on in place there.",
		Causes: []Advice{
			{ForClient, "A plain HTTP request (a browser tab, curl, a health check) hit an endpoint that only speaks WebSocket; the Node ws library, for one, answers such requests with 426."},
			{ForServer, "A reverse proxy dropped the Upgrade and Connection headers of a WebSocket handshake, so the backend saw a normal request; nginx does this unless told to forward them."},
			{ForClient, "The client uses an older protocol version than the server accepts, for example HTTP/1.0 where the server requires HTTP/1.1 or later."},
		},
		Fixes: []Advice{
			{ForClient, "Connect with a WebSocket client (new WebSocket(\"wss://...\")) rather than fetch or curl, or point health checks at a plain HTTP path."},
			{ForServer, "Forward the handshake headers in nginx: proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection \"upgrade\";."},
			{ForServer, "Always list the required protocol in Upgrade (e.g. Upgrade: websocket) with Connection: upgrade, and say in the body what the client should use."},
		},
		Related: []Relation{
			{101, "101 Switching Protocols is the success path: the client asked to upgrade and the server switched."},
			{505, "505 rejects the HTTP major version itself, without offering an upgrade path; 426 names the protocol to switch to."},
			{400, "A WebSocket server answers 400 to a handshake that is present but malformed; 426 means no upgrade was requested at all."},
		},
		Headers: []Header{
			{"Upgrade", Required, Always, "RFC 9110 §15.5.22: the server MUST send Upgrade with the acceptable protocols, e.g. Upgrade: websocket."},
			{"Connection", Required, Always, "RFC 9110 §7.8: a sender of Upgrade MUST also send the upgrade connection option (Connection: upgrade) so intermediaries do not forward it; applies to HTTP/1.1."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Yes, after switching: repeat the request with an Upgrade header for the named protocol, or over that protocol directly.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 426 Upgrade Required\r\n" +
			"Upgrade: websocket\r\n" +
			"Connection: upgrade\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 37\r\n" +
			"\r\n" +
			"This endpoint only speaks WebSocket.\n",
	},
	{
		Code:     428,
		Phrase:   "Precondition Required",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 6585", Section: "3", URL: "https://www.rfc-editor.org/rfc/rfc6585.html#section-3"},
		Summary:  "The origin server requires the request to be conditional, typically with If-Match, and this one was not.",
		Description: "428 exists to prevent lost updates: one client reads a resource, another changes it, and the first one then writes " +
			"back its stale copy over the other's work. By insisting that modifying requests carry a precondition such as If-Match " +
			"with the ETag the client last saw, the server can detect the race and answer 412 instead of silently overwriting.\n\n" +
			"RFC 6585 says the response SHOULD explain how to resubmit the request successfully, and that a 428 MUST NOT be stored by " +
			"a cache. A server sends 428 only when the precondition is missing; when it is present but false, the answer is 412.",
		Causes: []Advice{
			{ForClient, "A PUT, PATCH or DELETE was sent without If-Match (or If-Unmodified-Since) to an API that enforces optimistic concurrency."},
			{ForClient, "The client fetched the resource but did not keep its ETag, so it had nothing to put in If-Match."},
			{ForAnyone, "In a browser, a cross-origin client cannot read ETag or send If-Match because the server's CORS headers do not expose or allow them, so the condition never gets sent."},
		},
		Fixes: []Advice{
			{ForClient, "GET the resource first, keep its ETag, and send it back as If-Match: \"<etag>\" with the modifying request."},
			{ForClient, "On a following 412, fetch the current version, merge or reapply your change, and try again with the new ETag."},
			{ForServer, "Say in the body which precondition header is required, and send ETag (or Last-Modified) on every GET so clients have a validator to use."},
			{ForServer, "For browser clients, list ETag in Access-Control-Expose-Headers and If-Match in Access-Control-Allow-Headers."},
		},
		Related: []Relation{
			{412, "412 means a precondition was sent and evaluated to false; 428 means none was sent although one is required."},
			{409, "409 reports a conflict detected some other way; 428 forces clients into the If-Match flow that makes such conflicts detectable."},
			{400, "A 400 for a missing header says nothing about what to add; 428 names the problem precisely."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Yes, once the request carries the required precondition (If-Match with a current ETag); resending it unchanged fails again.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 428 Precondition Required\r\n" +
			"Content-Type: application/problem+json\r\n" +
			"Content-Length: 113\r\n" +
			"\r\n" +
			`{"title":"Precondition Required","status":428,"detail":"Send If-Match with the ETag from a GET of this resource"}`,
	},
	{
		Code:     429,
		Phrase:   "Too Many Requests",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 6585", Section: "4", URL: "https://www.rfc-editor.org/rfc/rfc6585.html#section-4"},
		Summary:  "The client has sent too many requests in a given amount of time and is being rate limited.",
		Description: "429 is the standard rate-limiting answer. RFC 6585 leaves open how the server identifies the client (IP address, API " +
			"key, user, cookie) and how it counts (per resource, per server, across a cluster); the response SHOULD explain the limit, " +
			"MAY carry Retry-After, and MUST NOT be stored by a cache. Although Retry-After is only a MAY, client retry logic relies " +
			"on it, so every 429 should have one.\n\n" +
			"Many APIs also report the quota on every response, either with the older X-RateLimit-* convention or with the RateLimit and " +
			"RateLimit-Policy fields of the IETF httpapi draft, so clients can slow down before they hit the wall. Some limits count " +
			"cost points, tokens or concurrent requests rather than plain requests, and servers are not obliged to send 429 at all: " +
			"some just drop connections or answer 503.",
		Causes: []Advice{
			{ForClient, "A loop or batch job sends requests as fast as it can, or several workers share one API key and together exceed its quota."},
			{ForClient, "Failed requests are retried immediately and without limit, so a short throttle turns into a retry storm that keeps the client blocked."},
			{ForClient, "The requests are unauthenticated and fall under a much lower quota; GitHub's REST API allows 60 requests an hour without a token and 5,000 with one."},
			{ForAnyone, "The limit is keyed on IP address and many users share one (corporate NAT, a VPN exit, CI runners), so they exhaust it together."},
			{ForServer, "A rate-limiting rule at the edge tripped: nginx limit_req with a small burst, an API gateway plan limit, or a CDN/WAF rule such as Cloudflare rate limiting."},
			{ForClient, "The API counts something other than requests (GraphQL cost points, tokens per minute, concurrent requests) and a few heavy calls used up the budget."},
		},
		Fixes: []Advice{
			{ForClient, "Wait for Retry-After (delta-seconds or an HTTP date) before retrying; urllib3's Retry and most SDK retry helpers honour it when configured to retry 429."},
			{ForClient, "Without Retry-After, back off exponentially with random jitter and a cap, and give up after a few attempts."},
			{ForClient, "Throttle proactively with a client-side token bucket, driven by RateLimit or X-RateLimit-Remaining headers when the API sends them."},
			{ForClient, "Send fewer requests: cache results, use conditional requests (a 304 from GitHub's REST API does not count against the primary limit), batch endpoints, and webhooks instead of polling."},
			{ForClient, "Authenticate, or ask the provider for a higher quota, when the workload legitimately needs more."},
			{ForServer, "Send Retry-After on every 429, plus RateLimit/RateLimit-Policy or X-RateLimit-* on normal responses, and key limits on API keys or users rather than shared IPs where you can."},
			{ForServer, "nginx answers limit_req rejections with 503 by default; set limit_req_status 429; and size burst so normal traffic spikes pass."},
		},
		Related: []Relation{
			{503, "503 means the whole service is overloaded or down for everyone; 429 means this client exceeded its own allowance while others are served."},
			{420, "420 Enhance Your Calm was Twitter's unofficial rate-limit code before 429 was registered; use 429."},
			{403, "Some APIs (GitHub's secondary limits among them) answer 403 for rate limits or abuse blocks; 429 is the precise code when waiting will help."},
			{509, "509 Bandwidth Limit Exceeded is an unofficial hosting-panel code about a site's traffic quota, not a per-client request rate."},
		},
		Headers: []Header{
			{"Retry-After", Recommended, Always, "RFC 6585 §4 only says MAY, but client retry logic relies on it: give the seconds (or HTTP date) after which the client may try again."},
			{"RateLimit-Policy", Optional, Always, "IETF httpapi draft (draft-ietf-httpapi-ratelimit-headers): the quota policies, e.g. \"default\";q=100;w=60 for 100 requests per 60 s."},
			{"RateLimit", Optional, Always, "IETF httpapi draft: the remaining quota and seconds until reset, e.g. \"default\";r=0;t=30; many APIs still use X-RateLimit-Limit/-Remaining/-Reset instead."},
			{"Content-Type", Optional, Always, "Describe the body that explains the limit, which RFC 6585 says the response SHOULD include."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Yes, but only after Retry-After has passed, or with exponential backoff and jitter when it is absent; immediate retries prolong the block.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 429 Too Many Requests\r\n" +
			"Retry-After: 30\r\n" +
			"RateLimit-Policy: \"default\";q=100;w=60\r\n" +
			"RateLimit: \"default\";r=0;t=30\r\n" +
			"Content-Type: application/problem+json\r\n" +
			"Content-Length: 115\r\n" +
			"\r\n" +
			`{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Limit of 100 requests per minute reached"}`,
	},
	{
		Code:     431,
		Phrase:   "Request Header Fields Too Large",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 6585", Section: "5", URL: "https://www.rfc-editor.org/rfc/rfc6585.html#section-5"},
		Summary:  "The server will not process the request because its header fields, taken together or one of them alone, are too large.",
		Description: "Servers cap the size of the header section to bound memory use, and 431 reports that the cap was exceeded, either by " +
			"the headers as a whole or by a single field; in the latter case the response SHOULD say which field. The client MAY " +
			"resubmit once the headers are smaller, and a 431 MUST NOT be stored by a cache.\n\n" +
			"The usual culprit is Cookie: cookies pile up for a domain (localhost during development is notorious) until every request " +
			"exceeds the limit. Node.js and Go's net/http answer 431, but nginx reports the same situation as 400 \"Request Header Or " +
			"Cookie Too Large\", and RFC 6585 notes that a server under attack may simply drop the connection instead.",
		Causes: []Advice{
			{ForClient, "Too many or too large cookies have accumulated for the domain; on localhost, cookies from every app you ever ran on it are sent to your dev server."},
			{ForClient, "A large bearer token or JWT, for example one carrying many group claims, makes the Authorization header huge."},
			{ForServer, "The server's limit is low for the traffic it gets: Node.js allows 16 KiB of headers by default, and other stacks have similar caps."},
			{ForAnyone, "A proxy chain keeps appending to X-Forwarded-For or similar headers, sometimes in a forwarding loop, until they exceed the limit."},
		},
		Fixes: []Advice{
			{ForClient, "Clear the cookies for the site (or for localhost) and stop storing large data in cookies; keep it server-side behind a short session id."},
			{ForClient, "Use smaller tokens: request fewer claims or scopes, or use a reference token that the server resolves."},
			{ForServer, "Raise the limit if legitimate requests need it: node --max-http-header-size=32768 (or the maxHeaderSize option), http.Server.MaxHeaderBytes in Go, large_client_header_buffers in nginx."},
			{ForServer, "Name the oversized field in the response body, as RFC 6585 asks, so users know whether to clear cookies or fix a token."},
		},
		Related: []Relation{
			{413, "413 is for a request body that is too large; 431 is for the header section."},
			{414, "414 is for a target URI that is too long; 431 covers the header fields that follow the request line."},
			{400, "nginx answers oversized headers with 400 \"Request Header Or Cookie Too Large\" instead of 431."},
			{494, "494 is nginx's internal code for the same condition; it is logged, and the client receives a 400."},
		},
		Headers: []Header{
			{"Content-Type", Optional, Always, "Describe the body that names the field that was too large."},
			{"Connection", Optional, Always, "close, when the server gives up on the connection after refusing the oversized headers."},
		},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     "Yes, after reducing the size of the request headers (usually by clearing cookies or shrinking a token); unchanged it fails again.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 431 Request Header Fields Too Large\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Connection: close\r\n" +
			"Content-Length: 72\r\n" +
			"\r\n" +
			"Request header fields too large: Cookie is 24576 bytes, limit is 16384.\n",
	},
	{
		Code:     451,
		Phrase:   "Unavailable For Legal Reasons",
		Class:    ClientError,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 7725", Section: "3", URL: "https://www.rfc-editor.org/rfc/rfc7725.html#section-3"},
		Summary:  "Access to the resource is denied as a consequence of a legal demand, such as a court order, takedown notice or government block.",
		Description: "RFC 7725 defines 451 for content withheld because of a legal demand; the number nods to Ray Bradbury's Fahrenheit 451. " +
			"The response SHOULD explain in its body the details of the demand: who made it, under which law, and to whom and what it " +
			"applies. The blocking party need not be the origin server: ISPs, search engines and CDNs can send it too, and RFC 7725 §4 " +
			"says whoever blocks SHOULD identify itself with a Link header whose rel is \"blocked-by\".\n\n" +
			"A 451 says nothing about whether the resource exists, and unlike most errors it is cacheable by default. That is a trap " +
			"for geographic blocks: a shared cache could serve the block to users in countries where the content is allowed unless " +
			"the response carries explicit cache controls.",
		Causes: []Advice{
			{ForAnyone, "The site blocks visitors from a jurisdiction whose law it does not want to comply with; several US news sites answered EU visitors with 451 when the GDPR took effect."},
			{ForAnyone, "The content was taken down after a court order or a copyright notice; GitHub, for instance, serves repositories disabled by a DMCA takedown with 451."},
			{ForClient, "Your ISP or national network operator blocks the site under a government order and answers in place of the real server."},
			{ForServer, "Sanctions or export-control rules require the service to refuse users from certain regions."},
		},
		Fixes: []Advice{
			{ForClient, "Read the body and any Link rel=\"blocked-by\" header to learn who blocked the resource and on what legal basis; that is the only route to having the block lifted or contested."},
			{ForClient, "Treat it as a policy decision rather than a bug: retrying or switching clients will not help, and working around a legal block may itself be unlawful."},
			{ForServer, "Describe the legal demand in the body and add Link: <URL>; rel=\"blocked-by\" naming the entity that implements the block, not the one that demanded it."},
			{ForServer, "Send Cache-Control: private or no-store on location-dependent 451s so shared caches do not serve the block to users elsewhere."},
		},
		Related: []Relation{
			{403, "403 is a refusal for any reason; 451 tells the user the reason is legal, and is the honest choice when that is the case."},
			{404, "Sites sometimes hide legally removed content behind 404; 451 is more transparent, and neither code implies whether the resource exists."},
			{410, "410 says the owner removed the resource for good; 451 says an outside legal demand keeps it from you."},
		},
		Headers: []Header{
			{"Link", Recommended, Always, "RFC 7725 §4: the blocking entity SHOULD identify itself with Link: <URI>; rel=\"blocked-by\" (and the rel MUST be blocked-by when used this way)."},
			{"Cache-Control", Optional, Always, "451 is cacheable by default; set private or no-store when the block depends on the client's location."},
			{"Content-Type", Optional, Always, "Describe the body, which SHOULD explain the legal demand."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "No: the block lasts until the legal situation changes; retrying from the same place returns the same answer.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 451 Unavailable For Legal Reasons\r\n" +
			"Link: <https://isp.example.net/legal/blocking>; rel=\"blocked-by\"\r\n" +
			"Cache-Control: private\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 80\r\n" +
			"\r\n" +
			"Blocked in your region by court order 2024-117 under the Example Copyright Act.\n",
	},
}
