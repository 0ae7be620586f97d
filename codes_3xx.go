package httpstatus

// redirectionCodes are the registered 3xx codes (RFC 9110 §15.4), in
// numeric order. Method rewriting, Location and 304 rules follow RFC 9110
// §15.4, §10.2.2 and §15.4.5; caching follows §15.1.
var redirectionCodes = []Status{
	{
		Code:     300,
		Phrase:   "Multiple Choices",
		Class:    Redirection,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.4.1", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.1"},
		Summary:  "The resource has several representations, each with its own URL, and the server leaves the choice among them to the user or user agent.",
		Description: "300 is reactive content negotiation: instead of picking a representation, the server describes the alternatives " +
			"and lets the client pick. Except for HEAD the server SHOULD put that list in the content, and when it has a favourite it " +
			"SHOULD name it in Location, which a user agent MAY follow. " +
			"HTTP defines no format for the list, so nothing selects from it automatically, and browsers do not follow Location on a 300 " +
			"(the Fetch standard only redirects on 301, 302, 303, 307 and 308): they simply render the body. " +
			"A Link header with rel=\"alternate\" members is one machine-readable way to carry the list. " +
			"A 300 is heuristically cacheable, and it is also what a client falls back to for any 3xx code it does not recognise.",
		Causes: []Advice{
			{ForServer, "The resource exists in several variants (languages, formats, versions) and the server declines to choose one for the client."},
			{ForServer, "An API answers 300 when an identifier is ambiguous and several resources match it."},
			{ForClient, "The server sent a 3xx number your client does not know, and the client is treating it as 300."},
		},
		Fixes: []Advice{
			{ForClient, "Read the list in the body (or the Link header) and request the alternative you want; Location, if present, is the server's preferred one."},
			{ForServer, "Prefer proactive negotiation on Accept and Accept-Language, or plain links, since browsers will not act on a 300 by themselves."},
			{ForServer, "If you do send 300, include a Location for the preferred choice and a simple HTML list of links for human readers."},
		},
		Related: []Relation{
			{406, "406 means none of the representations matches the request's Accept headers; 300 means several are available and the client should choose."},
			{302, "Use 302 (or 307) when the server can pick the variant itself and just send the client there."},
			{303, "303 points to one other resource to GET; 300 offers a choice among several."},
		},
		Headers: []Header{
			{"Location", Recommended, IfKnown, "The server's preferred choice, when it has one (a SHOULD); may be a relative reference."},
			{"Link", Optional, Always, "A machine-readable list of the alternatives, with rel=\"alternate\"."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Do not repeat the same request; request one of the listed alternatives instead.",
		SentBy:    []Sender{SentByOrigin},
		Example: "HTTP/1.1 300 Multiple Choices\r\n" +
			"Location: /report.en.html\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Content-Length: 76\r\n" +
			"\r\n" +
			"<a href=\"/report.en.html\">English</a>\n<a href=\"/report.de.html\">Deutsch</a>\n",
	},
	{
		Code:     301,
		Phrase:   "Moved Permanently",
		Class:    Redirection,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.4.2", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.2"},
		Summary:  "The resource has been given a new permanent URL, named in Location, and future references should use that URL.",
		Description: "The server SHOULD send the new URL in Location, and user agents MAY follow it automatically; the value may be a " +
			"relative reference, resolved against the request's URL (RFC 9110 §10.2.2), and a fragment the client had is carried over " +
			"when Location has none. " +
			"The surprise is the method: for historical reasons a user agent MAY turn a POST into a GET when it follows a 301, and " +
			"browsers, curl and most HTTP libraries do, so the request body is dropped; 308 exists for redirects that must keep method " +
			"and body. " +
			"A 301 is heuristically cacheable, so browsers and caches store it without any Cache-Control and replay it without asking " +
			"the server, which makes a mistaken 301 hard to take back. Search engines treat it as a signal to index the new URL instead of the old one.",
		Causes: []Advice{
			{ForClient, "The URL you used is an old one: the page moved, the site changed domain, or it canonicalises the scheme, the `www.` prefix or a trailing slash."},
			{ForServer, "A rewrite rule matched the request: nginx `return 301 https://$host$request_uri;`, Apache `Redirect permanent` or `RewriteRule ... [R=301]`."},
			{ForServer, "An HTTP-to-HTTPS rule at the load balancer or CDN answers before your application, for example an AWS ALB listener redirect action with status HTTP_301."},
			{ForServer, "The framework normalises URLs with a permanent redirect, such as Django's CommonMiddleware adding a trailing slash when APPEND_SLASH is on."},
			{ForAnyone, "The browser is replaying a 301 it cached earlier, so you see it even after the server stopped sending it (DevTools shows it as served from cache)."},
			{ForClient, "A POST to the old URL arrived at the new one as a GET, because the client followed the 301 the way browsers do, and now fails there."},
		},
		Fixes: []Advice{
			{ForClient, "Follow Location (curl needs -L; browsers, Go's http.Client and Python requests follow by default) and update bookmarks, links and API base URLs to the new address."},
			{ForClient, "If a POST lost its body on the way, send it straight to the final URL, or make curl keep the method with --post301."},
			{ForServer, "Use 308 instead of 301 for endpoints that receive POST, PUT, PATCH or DELETE, so that clients resend the same method and body."},
			{ForServer, "Redirect in one hop to the final canonical URL instead of chaining http, www and trailing-slash rules; every hop costs a round trip and clients cap the number (Go's client stops after 10)."},
			{ForServer, "Try a new redirect as 302 or 307 first, and give the 301 an explicit Cache-Control max-age, so that a mistake does not live on in browsers indefinitely."},
			{ForAnyone, "To get past a stale cached 301, clear the site's data in the browser or test in a private window; `curl -I` shows what the server sends now."},
		},
		Related: []Relation{
			{308, "308 is also permanent but forbids changing the method; pick 308 for APIs and non-GET requests, 301 where POST becoming GET is acceptable."},
			{302, "302 is the temporary counterpart: clients keep using the original URL and nothing is cached by default."},
			{410, "Send 410 when the resource is gone for good and there is no new URL to send clients to."},
			{307, "307 keeps the method like 308 but is temporary; use it while a move is not final."},
		},
		Headers: []Header{
			{"Location", Recommended, Always, "The new permanent URL (a SHOULD); may be a relative reference resolved against the request URL."},
			{"Cache-Control", Optional, Always, "An explicit max-age bounds how long browsers and caches keep the redirect; without it they apply heuristic freshness."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Repeat the request at the Location URL and use that URL from then on; expect POST to become GET unless your client is told otherwise.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 301 Moved Permanently\r\n" +
			"Location: https://example.com/docs/new-page\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Content-Length: 59\r\n" +
			"\r\n" +
			"<a href=\"https://example.com/docs/new-page\">Moved here</a>\n",
	},
	{
		Code:     302,
		Phrase:   "Found",
		Aliases:  []string{"Moved Temporarily"},
		Class:    Redirection,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.4.3", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.3"},
		Summary:  "The resource is temporarily at the URL named in Location, and the client should keep using the original URL for later requests.",
		Description: "302 is the everyday temporary redirect: login pages, single sign-on hops, A/B and regional routing. " +
			"The server SHOULD send Location, which may be relative, and user agents MAY follow it automatically. " +
			"HTTP/1.0 called the code Moved Temporarily and meant it to repeat the same method, but early browsers switched POST to GET " +
			"and the spec now allows that for historical reasons; 303 (always GET) and 307 (always the same method and body) were " +
			"added so that servers can say which one they mean. " +
			"A 302 is not heuristically cacheable, so caches store it only when explicit Cache-Control or Expires allows it.",
		Causes: []Advice{
			{ForClient, "You are not signed in, or your session expired, and the application sends you to its login page."},
			{ForServer, "The framework's default redirect answers 302: Express `res.redirect()`, Rails `redirect_to`, PHP `header('Location: ...')` without a status."},
			{ForAnyone, "A single sign-on or OAuth flow bounces the browser between the application and the identity provider."},
			{ForServer, "A load balancer, CDN or feature-flag rule sends some clients to another host, region or variant for now."},
			{ForServer, "The application redirects after a form POST with 302, where 303 would say exactly what it means."},
			{ForClient, "An API call that looked like it succeeded returned a login page: fetch() and most libraries follow the 302 silently and show you the final response."},
		},
		Fixes: []Advice{
			{ForClient, "Follow Location for this request but keep the original URL in bookmarks and configuration, since the target may change."},
			{ForClient, "If the follow-up request must stay a POST, ask the server for 307 or make curl keep it with --post302; turning POST into GET is allowed on 302."},
			{ForServer, "Say what you mean: 303 after a form submission (the next request is a GET), 307 when the method and body must be repeated."},
			{ForServer, "Behind a TLS-terminating proxy, make the application trust X-Forwarded-Proto (Express `trust proxy`, Django SECURE_PROXY_SSL_HEADER) so that it stops redirecting https requests to https in a loop."},
			{ForAnyone, "For login loops (ERR_TOO_MANY_REDIRECTS), check that the session cookie is really stored: its Domain, Path, Secure flag on plain http and SameSite for cross-site flows."},
			{ForServer, "Answer API and XHR requests without a session with 401 instead of a 302 to an HTML login page, so that clients can react."},
		},
		Related: []Relation{
			{303, "303 always means GET the other URL: the unambiguous choice after a POST."},
			{307, "307 is the temporary redirect that must keep method and body; choose it over 302 when the request must be repeated as sent."},
			{301, "301 is the permanent counterpart: clients update their links and caches may store it."},
			{401, "For APIs, 401 tells the client to authenticate, where a 302 to a login page only works for browsers."},
		},
		Headers: []Header{
			{"Location", Recommended, Always, "The temporary URL (a SHOULD); may be a relative reference."},
			{"Cache-Control", Optional, Always, "A 302 is not cached by default; send no-store on redirects that depend on the user's session if other headers could make it cacheable."},
		},
		Body:   BodyAllowed,
		Retry:  "Follow Location for this request, possibly as GET; send later requests to the original URL again.",
		SentBy: []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 302 Found\r\n" +
			"Location: /login?next=%2Faccount\r\n" +
			"Cache-Control: no-store\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Content-Length: 44\r\n" +
			"\r\n" +
			"<a href=\"/login?next=%2Faccount\">Log in</a>\n",
	},
	{
		Code:     303,
		Phrase:   "See Other",
		Class:    Redirection,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.4.4", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.4"},
		Summary:  "The server points the client to a different resource, named in Location, which it should retrieve with GET (or HEAD) as the indirect answer to its request.",
		Description: "303 applies to any method and always turns the follow-up into a retrieval: the user agent fetches Location with GET " +
			"(or HEAD), whatever the original method was. Its main use is the POST/Redirect/GET pattern: after a POST places an order, the " +
			"server answers 303 to the order's page, so the result can be bookmarked and cached and a reload does not submit the form again. " +
			"The Location URL is a different resource, not a new address of the original one. " +
			"Answering a GET with 303 says the server has no transferable representation of the target but offers a description of it elsewhere, " +
			"a pattern used in linked data. Apart from responses to HEAD, the content ought to hold a short hypertext note linking to Location.",
		Causes: []Advice{
			{ForServer, "The application handled a POST (or PUT, PATCH, DELETE) and sends the client to a page that shows the result."},
			{ForServer, "A linked-data or API server answers a GET for an abstract thing with a 303 to a document describing it."},
		},
		Fixes: []Advice{
			{ForClient, "GET the Location URL and do not resend the original body; the action has already been handled."},
			{ForServer, "Use 303 rather than 302 after form submissions so that every client switches to GET and reloads do not repeat the action."},
			{ForServer, "Point Location at a resource that can be fetched with GET; if the client should repeat the same method elsewhere, use 307 or 308 instead."},
		},
		Related: []Relation{
			{302, "302 lets the client decide whether to keep the method; 303 requires switching to GET."},
			{307, "307 repeats the same method and body at the new URL; 303 never does."},
			{201, "201 with Location reports a newly created resource directly, without sending the client anywhere."},
		},
		Headers: []Header{
			{"Location", Recommended, Always, "The resource to GET; may be a relative reference."},
		},
		Body:   BodyAllowed,
		Retry:  "Do not repeat the original request; GET the Location URL instead.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 303 See Other\r\n" +
			"Location: /orders/1042\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Content-Length: 38\r\n" +
			"\r\n" +
			"<a href=\"/orders/1042\">Order 1042</a>\n",
	},
	{
		Code:     304,
		Phrase:   "Not Modified",
		Class:    Redirection,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.4.5", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.5"},
		Summary:  "A conditional GET or HEAD found that the client's stored copy is still current, so no content is sent and the client reuses what it has.",
		Description: "A client that holds a cached response revalidates it with a conditional GET or HEAD, sending If-None-Match with the stored " +
			"ETag or If-Modified-Since with its Last-Modified date. When the condition is false (nothing changed), the server answers 304 " +
			"instead of a 200 with the same content. The 304 ends with its header section: it cannot carry content or trailers, and it has " +
			"no Location. " +
			"The server MUST send those of Content-Location, Date, ETag, Vary, Cache-Control and Expires that a 200 to the same request " +
			"would have carried, and SHOULD NOT send other representation metadata (Last-Modified is useful when there is no ETag). " +
			"A cache does not store the 304 itself; it uses these fields to freshen the response it already holds (RFC 9111 §4.3.4). " +
			"304 is only a valid answer to a conditional GET or HEAD: for other methods a false If-None-Match yields 412.",
		Causes: []Advice{
			{ForClient, "Your browser or HTTP client revalidated a cached copy with If-None-Match or If-Modified-Since, and the resource had not changed."},
			{ForServer, "The server or framework checks validators for you: nginx for static files, Express `res.send()` when `req.fresh` is true, Django's ConditionalGetMiddleware."},
			{ForAnyone, "A CDN or proxy cache answered the revalidation from its own stored copy, without asking the origin."},
			{ForClient, "Your script or tool sends conditional headers, such as curl -z (If-Modified-Since) or a hand-written If-None-Match, so an unchanged resource comes back as 304."},
			{ForServer, "The ETag or Last-Modified does not change when the content does (a constant tag, a build timestamp), so clients keep getting 304 for stale content."},
		},
		Fixes: []Advice{
			{ForClient, "Usually nothing to fix: use the cached copy. To force a full response, send the request without If-None-Match and If-Modified-Since, or do a hard reload in the browser."},
			{ForClient, "If fetch() reports 200 where DevTools shows 304, that is normal: the browser revalidated its own cache and hands you the stored response; use `cache: \"no-store\"` to bypass it."},
			{ForServer, "Derive ETags from the content or its version (a hash of the bytes), never from a constant, so that any change produces a new validator."},
			{ForServer, "Send in the 304 every one of ETag, Cache-Control, Expires, Vary, Content-Location and Date that the 200 would have carried, or caches keep outdated freshness and variance data."},
			{ForServer, "Behind a load balancer, make every instance compute the same validator for the same content (not inode numbers or per-host timestamps), or revalidations miss at random."},
			{ForServer, "Never send 304 to a request without conditional headers, or to a method other than GET or HEAD; answer a failed If-None-Match on PUT or POST with 412."},
		},
		Related: []Relation{
			{200, "200 is the answer when the resource changed or the request was not conditional."},
			{412, "412 is the answer when a condition fails on other methods, or when If-Match or If-Unmodified-Since fails; 304 is only for a false If-None-Match or If-Modified-Since on GET or HEAD."},
			{206, "206 serves part of a representation, possibly combined with If-Range; a 304 sends none of it."},
		},
		Headers: []Header{
			{"ETag", Required, IfOn200, "MUST be sent if a 200 to the same request would have carried it."},
			{"Cache-Control", Required, IfOn200, "MUST be sent if a 200 would have carried it; the cache uses it to freshen its stored response."},
			{"Expires", Required, IfOn200, "MUST be sent if a 200 would have carried it."},
			{"Vary", Required, IfOn200, "MUST be sent if a 200 would have carried it."},
			{"Content-Location", Required, IfOn200, "MUST be sent if a 200 would have carried it."},
			{"Date", Required, IfOn200, "MUST be sent if a 200 would have carried it, which every origin with a clock does."},
			{"Last-Modified", Optional, Always, "Worth sending when there is no ETag, to guide the cache update; other representation metadata SHOULD NOT be sent."},
		},
		Body:   BodyForbidden,
		Retry:  "No retry needed: use the stored response, which is now fresh again.",
		SentBy: []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 304 Not Modified\r\n" +
			"Date: Tue, 24 Nov 2026 10:00:00 GMT\r\n" +
			"ETag: \"33a64df5\"\r\n" +
			"Cache-Control: max-age=300\r\n" +
			"Vary: Accept-Encoding\r\n" +
			"\r\n",
	},
	{
		Code:       305,
		Phrase:     "Use Proxy",
		Class:      Redirection,
		Registry:   Permanent,
		Deprecated: true,
		RegistryNote: "Still registered but deprecated: RFC 7231 (Appendix B) deprecated it because letting a response configure the client's " +
			"proxy in-band is a security risk, and RFC 9110 §15.4.6 keeps it only as a deprecated code.",
		Spec:    Spec{Document: "RFC 9110", Section: "15.4.6", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.6"},
		Summary: "A deprecated code that once told the client to repeat its request through the proxy named in Location.",
		Description: "Earlier HTTP/1.1 specifications let an origin server demand that a resource be reached through a particular proxy, whose " +
			"URL went in Location. Anyone able to forge or inject such a response could route a victim's later traffic through a proxy " +
			"they control, so RFC 7231 deprecated the code and RFC 9110 keeps only a one-line entry for it. " +
			"Browsers do not act on it (it is not one of the Fetch standard's redirect statuses) and it should not be sent.",
		Causes: []Advice{
			{ForServer, "Very old server software, or a misconfigured device or test stub, still emits it."},
		},
		Fixes: []Advice{
			{ForClient, "Do not switch proxies because of it; treat it as an unexpected response and report it to the server's operator."},
			{ForServer, "Stop sending it; configure proxies on the client side (PAC files, system settings, HTTPS_PROXY), or redirect with 307 or 308 if the resource really moved."},
		},
		Related: []Relation{
			{306, "306 was Switch Proxy, a proposed companion to 305 that never made it into an RFC; it is now reserved."},
			{407, "407 is how a proxy the client already uses asks it to authenticate; it does not configure a proxy."},
		},
		Headers: []Header{
			{"Location", Optional, Always, "Used to carry the proxy's URL; clients must not trust it."},
		},
		Body:   BodyAllowed,
		Retry:  "Do not retry through the named proxy; treat the response as an error.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 305 Use Proxy\r\n" +
			"Location: http://proxy.example:8080/\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:     306,
		Phrase:   "(Unused)",
		Class:    Redirection,
		Registry: Reserved,
		RegistryNote: "Reserved and never to be reassigned: a pre-RFC 2616 Internet-Draft (draft-cohen-http-305-306-responses, 1996) proposed it " +
			"as Switch Proxy, the code was dropped, and RFC 9110 §15.4.7 keeps the number reserved.",
		Spec:    Spec{Document: "RFC 9110", Section: "15.4.7", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.7"},
		Summary: "A reserved number with no meaning today; it was proposed as Switch Proxy in an early HTTP/1.1 draft.",
		Description: "RFC 9110 says only that 306 was defined in a previous version of the specification, is no longer used, and is reserved. " +
			"Keeping the number out of circulation avoids clashing with any software written against the old proposal. " +
			"A client that receives it has no defined behaviour to apply and treats it like 300, as for any unrecognised 3xx.",
		Causes: []Advice{
			{ForServer, "A server, mock or test tool sends an arbitrary 3xx number."},
		},
		Fixes: []Advice{
			{ForServer, "Send a defined redirect code instead: 302, 303 or 307 for temporary moves, 301 or 308 for permanent ones."},
			{ForClient, "Handle it as 300 Multiple Choices, the generic 3xx response."},
		},
		Related: []Relation{
			{305, "305 Use Proxy, the code 306 was proposed alongside, is deprecated."},
			{300, "300 is how a client must treat 306, as for any unrecognised redirection code."},
		},
		Body:   BodyAllowed,
		Retry:  "No: the response has no defined meaning, and repeating the request will not change that.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 306 (Unused)\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:     307,
		Phrase:   "Temporary Redirect",
		Class:    Redirection,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.4.8", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.8"},
		Summary:  "The resource is temporarily at the URL named in Location, and the client must repeat the request there without changing the method.",
		Description: "307 is 302 without the ambiguity: a user agent that follows it automatically MUST NOT change the method, so a POST is " +
			"sent again as a POST with its body. The server SHOULD send Location, which may be relative, and the client should keep using " +
			"the original URL for later requests since the redirect can change. " +
			"A 307 is not heuristically cacheable. " +
			"Chrome's DevTools also show a 307 \"Internal Redirect\" that the browser makes itself when HSTS upgrades an http URL to https; " +
			"that one never came from the network.",
		Causes: []Advice{
			{ForServer, "The server moved the resource for now and needs the request repeated as sent, for example an API endpoint under maintenance or a regional failover."},
			{ForClient, "DevTools shows 307 Internal Redirect because the site is on the browser's HSTS list, so http URLs are upgraded to https before any request leaves."},
			{ForServer, "Next.js answers 307 for temporary redirects (`redirect()`, or `permanent: false` in next.config.js)."},
			{ForClient, "Go's http.Client hands you the 307 instead of following it when the request body cannot be replayed (Request.GetBody is nil)."},
		},
		Fixes: []Advice{
			{ForClient, "Follow Location with the same method, headers and body, and keep using the original URL afterwards."},
			{ForClient, "In Go, build the request body from bytes.Reader, bytes.Buffer or strings.Reader, or set GetBody, so that the client can resend it; with curl, -L keeps the method on 307."},
			{ForServer, "Use 307 rather than 302 for temporary redirects of API calls and anything that is not a GET."},
			{ForAnyone, "An HSTS internal redirect needs no fix: it is the browser enforcing https on its own."},
		},
		Related: []Relation{
			{302, "302 may turn POST into GET; 307 must keep the method and body."},
			{308, "308 is the permanent version of 307: same method rule, but clients update their links and caches may store it."},
			{303, "303 deliberately switches to GET; use it when the client should fetch a result rather than repeat the request."},
		},
		Headers: []Header{
			{"Location", Recommended, Always, "The temporary URL (a SHOULD); may be a relative reference."},
		},
		Body:   BodyAllowed,
		Retry:  "Repeat the same request, with the same method and body, at Location; later requests go to the original URL.",
		SentBy: []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 307 Temporary Redirect\r\n" +
			"Location: https://eu.api.example.com/v1/orders\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:     308,
		Phrase:   "Permanent Redirect",
		Class:    Redirection,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.4.9", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.9"},
		Summary:  "The resource has a new permanent URL, named in Location, and the client must repeat the request there without changing the method.",
		Description: "308 (first specified in June 2014 by the experimental RFC 7238, then standardised by RFC 7538) combines the permanence of 301 with the method rule of 307: future references " +
			"should use the new URL, and the follow-up request keeps its method and body. That makes it the right permanent redirect " +
			"for APIs and any URL that receives POST, PUT or DELETE. " +
			"The server SHOULD send Location (relative references are allowed), and like 301 a 308 is heuristically cacheable. " +
			"Being much younger than its siblings, it may not be recognised by very old clients, which then treat it as 300 (RFC 7538 §4).",
		Causes: []Advice{
			{ForServer, "The endpoint moved for good and the server keeps methods intact, for example an API that changed host or version prefix."},
			{ForServer, "The framework or platform uses 308 for permanent redirects, for instance Next.js redirects configured with `permanent: true` in next.config.js."},
		},
		Fixes: []Advice{
			{ForClient, "Follow Location with the same method and body, and update the stored URL so that future requests go there directly."},
			{ForServer, "Prefer 308 over 301 for endpoints that receive non-GET requests; keep 301 for plain pages where POST becoming GET cannot happen or does not matter."},
			{ForServer, "If you must support very old clients that do not know 308, fall back to 301 for GET-only URLs."},
		},
		Related: []Relation{
			{301, "301 is the older permanent redirect and allows POST to become GET; 308 forbids it."},
			{307, "307 is the temporary version of 308."},
			{410, "Send 410 instead when the resource is gone and has no new URL."},
		},
		Headers: []Header{
			{"Location", Recommended, Always, "The new permanent URL (a SHOULD); may be a relative reference."},
			{"Cache-Control", Optional, Always, "An explicit max-age bounds how long the redirect is cached; without it caches apply heuristic freshness."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Repeat the same request, with the same method and body, at Location, and use that URL from then on.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 308 Permanent Redirect\r\n" +
			"Location: https://api.example.com/v2/orders\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
}
