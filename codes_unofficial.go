package httpstatus

// unofficialCodes are the codes used in the wild but never registered,
// one entry per code and vendor, in the order of
// testdata/unofficial-status-codes.csv. Where a number has several
// meanings, each is an entry of its own; a registered meaning of the same
// number comes first through the order of groups in catalogue.go.
var unofficialCodes = []Status{
	{
		Code:     103,
		Phrase:   "Checkpoint",
		Class:    Informational,
		Registry: Unofficial,
		Vendor:   "Resumable-requests proposal (abandoned draft)",
		Spec:     Spec{Document: "ResumableHttpRequestsProposal (Google Gears design document, abandoned)"},
		Summary:  "An unregistered interim code from an abandoned proposal, meant to help a client resume an interrupted PUT or POST upload.",
		Description: "103 Checkpoint comes from a proposal for resumable POST and PUT uploads that never became a standard; it is usually traced to a " +
			"design document of the Google Gears project, but we have not been able to check the text that defines the code. " +
			"It was never registered, and the number now belongs to 103 Early Hints (RFC 8297), so a 103 that arrives today is Early Hints. " +
			"A client that knows neither meaning handles any unknown 1xx like 100: an interim response without content, after which the final response still comes. " +
			"Resumable uploads are now being standardised by the IETF draft that registered 104 Upload Resumption Supported.",
		Causes: []Advice{
			{ForAnyone, "You found the name in an old list of status codes or in code written against the Gears-era proposal; no current server or browser sends 103 with this meaning."},
			{ForServer, "An in-house upload server built on that proposal still emits it, and modern clients read it as Early Hints."},
		},
		Fixes: []Advice{
			{ForServer, "Do not use 103 for upload progress: implement resumable uploads with draft-ietf-httpbis-resumable-upload (104 Upload Resumption Supported) or an established protocol such as tus."},
			{ForClient, "Treat any 103 as Early Hints, or ignore it, and keep waiting for the final response."},
		},
		Related: []Relation{
			{104, "104 Upload Resumption Supported is the standards-track way to make uploads resumable; use it instead of the abandoned 103 Checkpoint."},
			{100, "Like 100 Continue, 103 Checkpoint was an interim response in the middle of an upload; a client that does not know a 1xx treats it as 100."},
		},
		Body:   BodyForbidden,
		Retry:  "Not applicable: an interim response never ends the request. If the upload breaks, resume it with the mechanism the server really supports.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 103 Checkpoint\r\n\r\n" +
			"HTTP/1.1 201 Created\r\nLocation: /uploads/7\r\nContent-Length: 0\r\n\r\n",
	},
	{
		Code:       122,
		Phrase:     "Request-URI Too Long",
		Class:      Informational,
		Registry:   Unofficial,
		Vendor:     "Microsoft Internet Explorer 7 (historical)",
		Spec:       Spec{Document: "Internet Explorer 7 client behaviour (no Microsoft document names the code)"},
		Summary:    "An unregistered number Internet Explorer 7 reportedly used on its own side for a URL longer than it would send; no server ever returns it.",
		NeverSent:  true,
		ClientSees: "Nothing from the server: Internet Explorer 7 did not send a request whose URL exceeded its 2,083-character limit and showed an error of its own instead.",
		Description: "Microsoft documents a maximum URL length of 2,083 characters in Internet Explorer (with at most 2,048 for the path), " +
			"and IE7 is said to have reported longer URLs with the client-side code 122. We found no Microsoft document that names the code, " +
			"so treat the attribution as historical and unverified. It is not registered and never travels on the wire; " +
			"were it ever received, its first digit would make a generic client treat it as an interim 100-class response, which makes no sense for an error. " +
			"The server-side counterpart is 414 URI Too Long.",
		Causes: []Advice{
			{ForClient, "A page built a GET URL (a form with method=\"get\", a long query string, data packed into the URL) longer than Internet Explorer's 2,083-character limit."},
			{ForAnyone, "The number appears in old status code lists and IE7-era error reports; no current browser uses it."},
		},
		Fixes: []Advice{
			{ForServer, "Keep URLs well under 2,000 characters: send large parameters in a POST body, or store the state on the server and pass a short identifier."},
			{ForClient, "Use a current browser; if a site still builds huge URLs, it has to switch those forms to POST."},
		},
		Related: []Relation{
			{414, "414 URI Too Long is what a server sends when it refuses an over-long URL; 122 was the browser refusing before anything was sent."},
		},
		Body:   BodyForbidden,
		Retry:  "Retrying the same URL fails the same way; shorten the URL or move the data into a request body.",
		SentBy: []Sender{SentByClient},
		Example: "GET /search?q=... HTTP/1.1  (URL longer than 2,083 characters)\n" +
			"-> request not sent: Internet Explorer 7 reported error 122 itself\n",
	},
	{
		Code:     218,
		Phrase:   "This is fine",
		Class:    Successful,
		Registry: Unofficial,
		Vendor:   "Apache HTTP Server (reported; unverified)",
		Spec:     Spec{Document: "Apache HTTP Server (attributed; absent from httpd's own status table)"},
		Summary:  "An unregistered joke success code said to mark an upstream error body relayed by Apache httpd with ProxyErrorOverride on; we could not confirm httpd has it.",
		Description: "Status code lists, most of them copied from Wikipedia, credit Apache HTTP Server with 218 This is fine as a marker for error content " +
			"passed through from a backend when ProxyErrorOverride is enabled. We found no 218 in httpd's own table of status lines, " +
			"so regard the code as unverified folklore rather than an httpd feature. It is not registered, and a client that meets it treats it as 200 OK: " +
			"whatever body arrives is taken as a success. A real 218 in traffic was chosen by some module or application, not by stock httpd.",
		Causes: []Advice{
			{ForServer, "A custom Apache module, CGI script or application behind httpd sets 218 itself; stock httpd is not known to send it."},
			{ForAnyone, "You met the number in a status code list rather than in traffic: it is widely repeated but unverified."},
		},
		Fixes: []Advice{
			{ForServer, "When relaying an upstream error, keep the upstream's 4xx or 5xx (or map it to 502) instead of wrapping it in a 2xx that clients will count as success."},
			{ForClient, "Check the body of a 218 before trusting it: it may be an error page, even though the class says success."},
		},
		Related: []Relation{
			{200, "A generic client treats 218 exactly like 200 OK, so an error page delivered with 218 looks like a success."},
			{502, "502 Bad Gateway is the registered way for a gateway to report that the upstream failed, instead of a 2xx joke code."},
		},
		Body:   BodyAllowed,
		Retry:  "No retry is needed as far as HTTP is concerned, but validate the content, which may be an upstream error page.",
		SentBy: []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 218 This is fine\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 48\r\n" +
			"\r\n" +
			"Upstream returned an error; passing it through.\n",
	},
	{
		Code:     306,
		Phrase:   "Switch Proxy",
		Class:    Redirection,
		Registry: Unofficial,
		Vendor:   "Pre-RFC 2616 HTTP/1.1 draft (historical)",
		Spec: Spec{Document: "draft-cohen-http-305-306-responses-00",
			URL: "https://www.ietf.org/archive/id/draft-cohen-http-305-306-responses-00.txt"},
		Summary: "A withdrawn, never-registered draft code telling the client to send its following requests through a different proxy; 306 is now only reserved as (Unused).",
		Description: "A December 1996 Internet-Draft by Josh Cohen of Netscape, \"HTTP/1.1 305 and 306 Response Codes\", tried to pin down 305 Use Proxy " +
			"and proposed 306 Switch Proxy so that a proxy could tell a client to use another proxy for later requests. The draft expired without being adopted; " +
			"RFC 2616 reserved 306 as no longer used, and RFC 9110 §15.4.7 keeps it reserved as (Unused) so that it cannot be reassigned. " +
			"No browser acts on it: a client that receives a 306 treats it as 300 Multiple Choices and switches nothing. " +
			"The old name lingers in libraries, for example ASP.NET Core's StatusCodes.Status306SwitchProxy and the PHP Requests library bundled with WordPress.",
		Causes: []Advice{
			{ForAnyone, "A library constant or an old status list printed the historical name; nothing on the web sends 306 today."},
			{ForServer, "A hand-written server or test fixture sends 306 by mistake, usually meaning 307 (or the deprecated 305)."},
		},
		Fixes: []Advice{
			{ForServer, "Do not send 306. Redirect with 307 or 308; proxy selection belongs in PAC/WPAD files or system settings, not in a response."},
			{ForClient, "Treat an incoming 306 as a 3xx without a usable instruction and report it to the server's operator."},
		},
		Related: []Relation{
			{305, "305 Use Proxy was the companion code in the same draft; it is registered but deprecated (RFC 9110 §15.4.6) because a response must not choose a client's proxy."},
			{307, "307 Temporary Redirect is what most servers sending 306 by mistake actually want: a temporary redirect that keeps the method."},
		},
		Body:   BodyAllowed,
		Retry:  "Do not retry automatically: a 306 carries no instruction a current client will follow.",
		SentBy: []Sender{SentByProxy},
		Example: "HTTP/1.1 306 Switch Proxy\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 42\r\n" +
			"\r\n" +
			"Use another proxy for subsequent requests.",
	},
	{
		Code:     418,
		Phrase:   "I'm a teapot",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "RFC 2324 HTCPCP April Fools (reserved)",
		Spec:     Spec{Document: "RFC 2324", Section: "2.3.2", URL: "https://www.rfc-editor.org/rfc/rfc2324.html#section-2.3.2"},
		Summary:  "The joke error of the 1998 April Fools' coffee-pot protocol, for a teapot asked to brew coffee, which real servers still return as an easter egg or to turn bots away.",
		Description: "RFC 2324 (HTCPCP/1.0), published on 1 April 1998, defines 418 for any attempt to brew coffee with a teapot, and RFC 7168 later extended the joke to tea. " +
			"It was never an HTTP status code, yet so many stacks implemented it (Go's net/http has StatusTeapot, Node.js and Python know the phrase, Google has served it at google.com/teapot) " +
			"that RFC 9110 §15.5.19 keeps 418 reserved as (Unused) in the IANA registry: the number is considered consumed by the joke and cannot be assigned to anything else for now. " +
			"In practice sites and firewalls return 418 to refuse scrapers and obvious bots, and developers use it as a placeholder or in tests. " +
			"It is not a registered meaning; a client that does not know it treats it as 400 Bad Request, and it is not cacheable by default.",
		Causes: []Advice{
			{ForClient, "The site decided your request looks automated (no browser headers, a scripting library's User-Agent, too many hits) and answers 418 instead of 403 or 429."},
			{ForClient, "You called a joke or demo endpoint, such as google.com/teapot or an API's easter-egg route."},
			{ForServer, "A WAF rule, bot-protection middleware or reverse-proxy rule in front of your application is configured to reply 418 to blocked traffic."},
			{ForServer, "Application code uses 418 as a placeholder or a \"should never happen\" marker, and that code path is now being reached."},
		},
		Fixes: []Advice{
			{ForClient, "If you are blocked as a bot, use the site's official API, send an honest User-Agent, slow down and respect robots.txt rather than disguising the client."},
			{ForClient, "Do not retry in a loop: the refusal is deliberate and will repeat."},
			{ForServer, "For real refusals prefer 403 Forbidden (not allowed) or 429 Too Many Requests (rate limited, with Retry-After), which clients and monitoring understand."},
			{ForServer, "Search the code and the WAF or proxy rules for 418 to find which rule fired, and log the reason next to the response."},
		},
		Related: []Relation{
			{403, "403 Forbidden is the registered way to refuse a client; choose it over 418 when the refusal is real and should be understood."},
			{429, "When bots are refused because of their request rate, 429 Too Many Requests with Retry-After tells them how long to wait."},
			{400, "A client that does not recognise 418 handles it as 400 Bad Request, the x00 code of its class."},
		},
		Body:   BodyAllowed,
		Retry:  "Never automatically: the response is either a joke or a deliberate refusal; change what you send, or ask the operator, before trying again.",
		SentBy: []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 418 I'm a teapot\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 36\r\n" +
			"\r\n" +
			"I'm a teapot; I cannot brew coffee.\n",
	},
	{
		Code:     419,
		Phrase:   "Page Expired",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Laravel",
		Spec:     Spec{Document: "Laravel framework source (Illuminate\\Foundation\\Exceptions\\Handler)"},
		Summary:  "Laravel's unregistered answer when a form or AJAX request arrives without a valid CSRF token, usually because the session behind the page has expired.",
		Description: "Laravel's VerifyCsrfToken middleware checks every state-changing request (POST, PUT, PATCH, DELETE) in the web middleware group for a token that matches the one in the user's session. " +
			"On a mismatch it throws TokenMismatchException, which the exception handler turns into 419 with the \"Page Expired\" error page, " +
			"or a JSON body saying \"CSRF token mismatch.\" when the request expects JSON. " +
			"The code is Laravel's own and not registered; Symfony, which writes the status line for Laravel, has no phrase for it, so the wire shows \"419 unknown status\". " +
			"A generic client treats it as 400. Most cases are a lost or expired session rather than an attack: the token lives in the session, so when the session ends every open form goes stale.",
		Causes: []Advice{
			{ForClient, "The page with the form stayed open longer than the session lifetime (SESSION_LIFETIME, 120 minutes by default), so its token no longer matches."},
			{ForServer, "The request carries no token: a Blade form lacks `@csrf`, or JavaScript sends neither the `_token` field nor an X-CSRF-TOKEN or X-XSRF-TOKEN header."},
			{ForServer, "The session cookie does not come back: SESSION_DOMAIN does not match the host, SESSION_SECURE_COOKIE is true on plain HTTP, or the SameSite setting drops it on a cross-site POST."},
			{ForServer, "A page cache or CDN served HTML that embeds someone else's, or an old, CSRF token."},
			{ForAnyone, "The session was replaced while the page was open: a login or logout in another tab, a flushed session store, a new APP_KEY, or file sessions lost in a deploy."},
			{ForClient, "A single-page app using Laravel Sanctum sent its first POST before calling /sanctum/csrf-cookie, so no XSRF-TOKEN cookie existed yet."},
		},
		Fixes: []Advice{
			{ForClient, "Reload the page to get a fresh token and submit again; copy any long text first so that nothing is lost."},
			{ForServer, "Put `@csrf` in every Blade form; for JavaScript send the token from `<meta name=\"csrf-token\">` in X-CSRF-TOKEN (axios and Angular send X-XSRF-TOKEN from the XSRF-TOKEN cookie by themselves)."},
			{ForServer, "Check the session cookie settings (SESSION_DOMAIN, SESSION_SECURE_COOKIE, SESSION_SAME_SITE) and raise SESSION_LIFETIME if users legitimately keep forms open for a long time."},
			{ForServer, "Do not cache pages that embed a CSRF token for everyone; render forms per user or fetch the token separately."},
			{ForServer, "Catch TokenMismatchException to redirect back with the input and a \"session expired\" message; exclude only genuine webhook routes from CSRF (validateCsrfTokens(except: ...) in bootstrap/app.php on Laravel 11, $except in VerifyCsrfToken before)."},
		},
		Related: []Relation{
			{403, "Most frameworks refuse a failed CSRF check with 403 Forbidden (Django does); Laravel's 419 says more precisely that the page's token is stale."},
			{401, "401 means the request has no valid credentials at all; a 419 can hit a fully logged-in user whose form token no longer matches the session."},
			{440, "440 Login Time-out is Microsoft's (Outlook Web Access) code for the same situation, an expired session; it comes from a different vendor."},
		},
		Headers: []Header{
			{"X-CSRF-TOKEN", Optional, Always, "Request header carrying the plain token from the csrf-token meta tag; one accepted way to pass the check."},
			{"X-XSRF-TOKEN", Optional, Always, "Request header carrying the encrypted token from the XSRF-TOKEN cookie, as axios and Angular send it."},
			{"Set-Cookie", Optional, Always, "Laravel refreshes the XSRF-TOKEN and session cookies on responses; the client must store them and send them back."},
		},
		Body:   BodyAllowed,
		Retry:  "Not with the same token: reload the page (or call /sanctum/csrf-cookie) to get a new one, then send the request once more.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 419 unknown status\r\n" +
			"Content-Type: application/json\r\n" +
			"Cache-Control: no-cache, private\r\n" +
			"Content-Length: 41\r\n" +
			"\r\n" +
			"{\n    \"message\": \"CSRF token mismatch.\"\n}",
	},
	{
		Code:     419,
		Phrase:   "Insufficient Space on Resource",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Early WebDAV draft (Apache HttpCore and Spring constants; deprecated)",
		Spec:     Spec{Document: "Pre-RFC 2518 WebDAV drafts (draft-ietf-webdav-protocol), kept as constants in Apache HttpCore and Spring"},
		Summary:  "An unregistered code from early WebDAV drafts for a resource without room to record its state after a method; the WebDAV RFCs use 507 Insufficient Storage instead.",
		Description: "Early drafts of the WebDAV protocol used 419 for a resource that lacked the space to record its state once a method had run. " +
			"The drafts dropped it before RFC 2518, which defined 507 Insufficient Storage for running out of space (Spring's deprecation note points at the changes made in draft-ietf-webdav-protocol-06). " +
			"It was never registered, but it survives as constants: Apache HttpCore's HttpStatus.SC_INSUFFICIENT_SPACE_ON_RESOURCE and Spring's deprecated HttpStatus.INSUFFICIENT_SPACE_ON_RESOURCE. " +
			"Nothing current sends it, and the number is far better known today as Laravel's 419 Page Expired; a generic client treats it as 400.",
		Causes: []Advice{
			{ForAnyone, "A library enum (Spring's HttpStatus, Apache HttpCore's HttpStatus) printed this name for a 419 that almost certainly meant something else, most often Laravel's Page Expired."},
			{ForServer, "Very old WebDAV code still answers 419 when storage runs out."},
		},
		Fixes: []Advice{
			{ForServer, "Report lack of storage with 507 Insufficient Storage, or with 413 Content Too Large when a single request is simply too big."},
			{ForClient, "Do not trust a library's label for 419: look at the body and the kind of server to learn what was meant."},
		},
		Related: []Relation{
			{507, "507 Insufficient Storage is the registered WebDAV code that replaced this draft meaning: the server cannot store what the method needs."},
			{413, "413 Content Too Large fits when one request body exceeds a limit, rather than the server running out of space overall."},
		},
		Body:   BodyAllowed,
		Retry:  "Only after space has been freed on the server; the same request fails until then.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 419 Insufficient Space on Resource\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 40\r\n" +
			"\r\n" +
			"Not enough space to store the resource.\n",
	},
	{
		Code:     420,
		Phrase:   "Method Failure",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Spring Framework (deprecated)",
		Spec:     Spec{Document: "Spring Framework HttpStatus.METHOD_FAILURE (deprecated), from pre-RFC 2518 WebDAV drafts"},
		Summary:  "An unregistered WebDAV draft code for a method not applied to one resource because another part of the same method failed; Spring keeps it only as a deprecated constant.",
		Description: "Drafts of WebDAV before RFC 2518 defined 420 Method Failure for a resource that a method left untouched because some other part of its execution failed and the whole method was aborted. " +
			"The published WebDAV RFCs express that with 424 Failed Dependency instead, and 420 was never registered. " +
			"Spring Framework still lists HttpStatus.METHOD_FAILURE, marked deprecated, and Apache HttpCore has SC_METHOD_FAILURE, but nothing current sends the code for this reason. " +
			"The number has had other lives: Twitter's 420 Enhance Your Calm, and Shopify used 420 for locked stores until August 2018, when it moved to 423. A generic client treats 420 as 400.",
		Causes: []Advice{
			{ForAnyone, "Your Java client (Spring's HttpStatus, Apache HttpCore) printed this name for a 420 that the server meant differently, for example as a rate limit."},
			{ForServer, "Legacy WebDAV code returns 420 when one step of a method that spans several resources fails."},
		},
		Fixes: []Advice{
			{ForServer, "Report members skipped because another operation failed with 424 Failed Dependency inside a 207 Multi-Status response."},
			{ForClient, "Interpret a 420 by who sent it (the old Twitter API meant a rate limit; otherwise read the body) rather than by a library's label."},
		},
		Related: []Relation{
			{424, "424 Failed Dependency is the registered WebDAV code for an action that failed because another action it depended on failed."},
			{207, "207 Multi-Status is how WebDAV reports a different result for each resource a method touched, including 424 for the skipped ones."},
		},
		Body:   BodyAllowed,
		Retry:  "Only after fixing whatever aborted the method; repeating it unchanged gives the same result.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 420 Method Failure\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 43\r\n" +
			"\r\n" +
			"Method aborted: another part of it failed.\n",
	},
	{
		Code:     420,
		Phrase:   "Enhance Your Calm",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Twitter API v1 (retired)",
		Spec:     Spec{Document: "Twitter API v1 and Streaming API documentation (retired)"},
		Summary:  "Twitter's retired, unregistered rate-limit response: the client sent too many requests or opened too many streaming connections and had to back off.",
		Description: "Twitter's version 1 Search and Trends APIs and its Streaming API answered 420 Enhance Your Calm when a client went over its rate limits " +
			"or reconnected too often. API v1.1 switched to the registered 429 Too Many Requests (RFC 6585), and the v1 API has long been retired, " +
			"so the code lives on only in old clients, tutorials and status code lists. It was never registered; a generic client treats it as 400 and will not know that it should slow down. " +
			"For streams Twitter asked clients to back off exponentially after a 420, starting with a one-minute wait and doubling it on each attempt.",
		Causes: []Advice{
			{ForClient, "Too many requests within the rate-limit window on the old v1 Search and Trends endpoints."},
			{ForClient, "Too many streaming connections with the same credentials, or reconnecting too quickly after a disconnect."},
			{ForAnyone, "An old library, mock server or API clone still maps rate limiting to 420."},
		},
		Fixes: []Advice{
			{ForClient, "Back off exponentially (wait a minute, then double the wait on each attempt) and keep a single streaming connection per account."},
			{ForClient, "Move to current APIs, which signal rate limits with 429 and x-rate-limit-limit, x-rate-limit-remaining and x-rate-limit-reset headers."},
			{ForServer, "If you run an API, send 429 Too Many Requests with Retry-After instead of 420."},
		},
		Related: []Relation{
			{429, "429 Too Many Requests is the registered rate-limit code that replaced 420 in Twitter's API v1.1; use it for any new API."},
			{503, "503 Service Unavailable is for a server that is overloaded as a whole, whereas 420 and 429 single out one client's rate."},
		},
		Body:   BodyAllowed,
		Retry:  "Yes, but only after waiting: back off exponentially and never reconnect in a tight loop.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 420 Enhance Your Calm\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 41\r\n" +
			"\r\n" +
			"Rate limited: slow down and retry later.\n",
	},
	{
		Code:     425,
		Phrase:   "Unordered Collection",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "WebDAV ordered-collections draft (historical)",
		Spec:     Spec{Document: "WebDAV Ordered Collections Protocol drafts (draft-ietf-webdav-ordering-protocol; not in RFC 3648)"},
		Summary:  "An unregistered code from drafts of the WebDAV ordered-collections work that was dropped before publication; 425 is now registered as Too Early.",
		Description: "Drafts of the WebDAV Ordered Collections Protocol, the work published as RFC 3648 in 2003, are credited with a 425 Unordered Collection code. " +
			"It was removed before publication, so RFC 3648 does not define it, and we have not checked which draft revision carried it or its exact wording. " +
			"The number was later registered as 425 Too Early by RFC 8470, which is what any 425 means today; a client that does not know either meaning treats it as 400. " +
			"Treat this entry as historical.",
		Causes: []Advice{
			{ForAnyone, "You are reading an old status list or a library constant; no current server uses 425 with this meaning."},
		},
		Fixes: []Advice{
			{ForClient, "Read any 425 you receive as Too Early (RFC 8470): send the request again after the TLS handshake has completed, not in early data."},
			{ForServer, "Report WebDAV ordering failures with registered codes such as 409 Conflict or 403 Forbidden and a body that explains which condition failed."},
		},
		Related: []Relation{
			{409, "409 Conflict is the registered code for a request that clashes with the current state of a resource, such as an ordering change a collection cannot accept."},
			{422, "422 Unprocessable Content fits a well-formed request whose instructions cannot be carried out."},
		},
		Body:   BodyAllowed,
		Retry:  "Not applicable today: a real 425 means Too Early, which may be retried once the handshake has finished.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 425 Unordered Collection\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 32\r\n" +
			"\r\n" +
			"This collection is not ordered.\n",
	},
	{
		Code:     430,
		Phrase:   "Shopify Security Rejection",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Shopify",
		Spec:     Spec{Document: "Shopify API response status and error codes", URL: "https://shopify.dev/docs/api/usage/response-codes"},
		Summary:  "Shopify's unregistered refusal of a request its security layer considers possibly malicious, returned to protect the store and the app.",
		Description: "Shopify lists 430 Shopify Security Rejection among its API response codes, for requests it rejects because they might be malicious; " +
			"the Storefront API documentation says it answers 430 when traffic looks like abusive bots, and asks server-side callers to pass the buyer's IP address in a header, " +
			"so the source address clearly matters. Scrapers, high-volume scripts and apps that funnel many buyers through one server IP are the usual victims. " +
			"It is not registered; a generic client treats it as 400. Older status lists call 430 Request Header Fields Too Large and describe it as Shopify's stand-in for 429, " +
			"but Shopify's current documentation uses 429 for rate limits and 430 for security rejections.",
		Causes: []Advice{
			{ForServer, "Your app calls the Storefront API from a server without the Shopify-Storefront-Buyer-IP header, so every buyer appears to come from one busy address."},
			{ForClient, "Automated scraping of a storefront (for example /products.json) at high speed or with a bare scripting User-Agent."},
			{ForClient, "Requests come from cloud or shared IP ranges that Shopify associates with abuse."},
			{ForAnyone, "The request looks like an attack: injection strings in parameters, odd or forged headers, or query shapes typical of abuse."},
		},
		Fixes: []Advice{
			{ForServer, "On server-side Storefront API calls send Shopify-Storefront-Buyer-IP with the real buyer's address, and use a proper access token."},
			{ForClient, "Use the official Admin or Storefront API with credentials instead of scraping storefront pages, and pace your requests."},
			{ForServer, "Keep GraphQL queries within the documented complexity limits and spread bursts instead of firing them from one IP."},
			{ForClient, "Back off before retrying; if legitimate traffic keeps being rejected, contact Shopify support with the X-Request-Id values of the failed calls."},
		},
		Related: []Relation{
			{429, "429 Too Many Requests is Shopify's rate-limit response: 429 is about volume, 430 about requests that look malicious."},
			{403, "403 Forbidden is the registered code for a refusal; Shopify chose 430 to single out rejections by its security layer."},
			{431, "431 Request Header Fields Too Large is the registered code that older lists confused with Shopify's 430."},
		},
		Headers: []Header{
			{"Shopify-Storefront-Buyer-IP", Optional, Always, "Request header that server-side Storefront API callers use to pass the buyer's IP; without it many buyers look like one client."},
			{"X-Request-Id", Optional, Always, "Response header identifying the request; quote it when asking Shopify support about a rejection."},
		},
		Body:   BodyAllowed,
		Retry:  "Only after changing the traffic (slower, authenticated, buyer IP forwarded); immediate retries from the same source are likely to be rejected again.",
		SentBy: []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 430 Shopify Security Rejection\r\n" +
			"Content-Type: application/json; charset=utf-8\r\n" +
			"X-Request-Id: 3f6c1a52-9b7e-4d0a-8c21-5e4f7b9d2a10\r\n" +
			"Content-Length: 50\r\n" +
			"\r\n" +
			"{\"errors\":\"Request rejected for security reasons\"}",
	},
	{
		Code:     430,
		Phrase:   "Would Block",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "HTTP pipelining draft (historical)",
		Spec:     Spec{Document: "Expired Internet-Draft on HTTP/1.1 pipelining (text not verified)"},
		Summary:  "A never-registered proposed code for a server refusing a pipelined request because answering it would hold up the requests queued behind it.",
		Description: "While people tried to make HTTP/1.1 pipelining usable on the open web, an Internet-Draft proposed 430 Would Block so that a server could decline a pipelined request " +
			"that would block the responses waiting behind it. The draft expired without being adopted, and we could not check its text, so take the details as historical. " +
			"Browsers abandoned pipelining, and HTTP/2 and HTTP/3 removed head-of-line blocking at the HTTP layer with multiplexing, so nothing sends this code. " +
			"It is not registered; a generic client treats it as 400.",
		Causes: []Advice{
			{ForAnyone, "It appears only in historical status lists; no server or proxy implements it."},
		},
		Fixes: []Advice{
			{ForAnyone, "To avoid head-of-line blocking, use HTTP/2 or HTTP/3 instead of HTTP/1.1 pipelining."},
		},
		Related: []Relation{
			{503, "503 Service Unavailable is the registered code for a server that cannot handle a request right now; a client may retry it later."},
		},
		Body:   BodyAllowed,
		Retry:  "In the proposal the client could simply send the request again later; in practice the code is never sent.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 430 Would Block\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:     440,
		Phrase:   "Login Time-out",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Microsoft IIS",
		Spec: Spec{Document: "Microsoft Exchange Server 2007 documentation: How to Troubleshoot the 440 Login Timeout Error Message in Outlook Web Access",
			URL: "https://technet.microsoft.com/en-us/library/dd789741(v=EXCHG.80).aspx"},
		Summary: "An unregistered Microsoft code, met mostly in Outlook Web Access on IIS, saying that the user's session has timed out and they must sign in again.",
		Description: "Although status lists file it under IIS, 440 is in practice sent by Exchange's Outlook Web Access (OWA) and the related Exchange web applications running on IIS, " +
			"which show \"440 Login Timeout\" once the authentication cookie of an idle session has expired. " +
			"Microsoft's Exchange troubleshooting articles also describe it appearing straight away at sign-in when IIS authentication or permissions are broken, so an instant 440 is a server fault, not a timeout. " +
			"It is not registered; a generic client treats it as 400 and, unlike with 401, no credential prompt follows.",
		Causes: []Advice{
			{ForClient, "Your OWA or Exchange web session sat idle past its timeout and the authentication cookie expired."},
			{ForClient, "Cookies for the OWA site are blocked or were cleared, so the session cookie never comes back to the server."},
			{ForServer, "440 appears right at sign-in because IIS authentication on the OWA or ECP virtual directories is wrong, for example an extra authentication module added to OWA's web.config."},
			{ForServer, "On Exchange 2007-era servers the IUSR_ and IWAM_ account passwords fell out of sync between Active Directory and the IIS metabase, or the Guests group was denied log-on rights."},
		},
		Fixes: []Advice{
			{ForClient, "Sign in again; if the error comes back at once, clear the site's cookies or try a private window."},
			{ForServer, "Check the authentication settings of the OWA and ECP virtual directories (Get-OwaVirtualDirectory | fl) and undo recent changes to their web.config."},
			{ForServer, "Follow Microsoft's \"440 Login Timeout\" troubleshooting: resynchronise the IIS anonymous account passwords or recreate the OWA virtual directories, then run iisreset."},
			{ForServer, "If users are timed out too eagerly, lengthen the OWA session timeout."},
		},
		Related: []Relation{
			{401, "401 Unauthorized is the registered way to ask for credentials, with WWW-Authenticate; 440 instead tells the user that a cookie-based session ended."},
			{419, "Laravel's 419 Page Expired is another vendor's code for a stale session, triggered by an expired CSRF token."},
			{403, "403 Forbidden means signing in again will not help; after a 440 it will."},
		},
		Body:   BodyAllowed,
		Retry:  "After signing in again; repeating the request with the expired session fails every time.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 440 Login Time-out\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Content-Length: 48\r\n" +
			"\r\n" +
			"<h1>440 Login Timeout</h1><p>Sign in again.</p>\n",
	},
	{
		Code:       444,
		Phrase:     "No Response",
		Class:      ClientError,
		Registry:   Unofficial,
		Vendor:     "nginx",
		Spec:       Spec{Document: "nginx documentation: ngx_http_rewrite_module, return directive", URL: "https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return"},
		Summary:    "nginx's unregistered instruction to close the connection without sending any response; the number exists only in nginx configuration and logs.",
		NeverSent:  true,
		ClientSees: "No HTTP response at all: nginx closes the connection, so curl reports \"(52) Empty reply from server\" and browsers show an error such as Chrome's ERR_EMPTY_RESPONSE. Only nginx's access log records 444.",
		Description: "In nginx, `return 444;` is documented as a non-standard code that closes the connection without sending a response header. " +
			"Administrators use it to drop traffic they do not want to answer at all: requests whose Host matches no site in a catch-all default_server, vulnerability scanners, blocked user agents or regions. " +
			"Nothing reaches the client, so there is no status to interpret, only a closed connection; the 444 exists in the access log alone. " +
			"It is not registered and never could be, since it never travels on the wire. " +
			"On HTTPS the TLS handshake has already completed by the time 444 acts; `ssl_reject_handshake on;` (nginx 1.19.4 and later) refuses unknown server names earlier.",
		Causes: []Advice{
			{ForClient, "Your request reached a server block that drops requests on purpose, typically a default_server for a Host header that matches no configured site (such as a request by bare IP address)."},
			{ForClient, "Your IP address, User-Agent or URL matches a deny rule that stays silent with 444, common against scanners probing /wp-login.php or /.env."},
			{ForServer, "A rule such as `if ($http_user_agent ~* ...) { return 444; }` or a map-based block list matches more than intended."},
			{ForServer, "limit_req_status or limit_conn_status is set to 444, so rate-limited clients get a dropped connection instead of a 503 or 429."},
		},
		Fixes: []Advice{
			{ForClient, "Check that you use the right hostname (not the bare IP) and scheme, and that your client sends a normal Host header and User-Agent."},
			{ForServer, "Find the rule: search the nginx configuration for `return 444` and match it with the access-log line of the dropped request."},
			{ForServer, "Answer blocked but possibly legitimate clients with 403 or 429 so that they learn why; keep 444 for plain abuse."},
			{ForServer, "On HTTPS catch-all servers prefer `ssl_reject_handshake on;` so unknown names are refused before any certificate is presented."},
		},
		Related: []Relation{
			{499, "499 is nginx's other log-only code: with 499 the client hung up before the answer, with 444 nginx hung up without one."},
			{403, "403 Forbidden refuses the request with an explanation the client can read; 444 refuses it silently."},
			{429, "For clients that are only too fast, 429 Too Many Requests tells them to slow down, where 444 leaves them guessing."},
		},
		Body:    BodyAllowed,
		Retry:   "Retrying gets the same silent close; change the request (host name, client, rate) or contact the site's operator.",
		SentBy:  []Sender{SentByProxy, SentByOrigin},
		Example: "203.0.113.9 - - [14/Mar/2025:08:12:45 +0000] \"GET /.env HTTP/1.1\" 444 0 \"-\" \"Mozilla/5.0\"\n",
	},
	{
		Code:     449,
		Phrase:   "Retry With",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Microsoft IIS",
		Spec: Spec{Document: "[MS-WDV] Web Distributed Authoring and Versioning (WebDAV) Protocol: Client Extensions", Section: "2.2.6",
			URL: "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-wdv/83ecf19f-e0f8-4706-aae5-ba618f52f100"},
		Summary: "An unregistered Microsoft extension code saying the request lacked information the server needs, and that the client should repeat it with that information.",
		Description: "Microsoft's WebDAV client extensions ([MS-WDV]) define 449 for a request the server cannot satisfy because the client supplied too little information. " +
			"The server MUST include an Ms-Echo-Request header; a client that supports the extension processes the body without showing it to the user, then repeats the request with an Ms-Echo-Reply header, " +
			"and a server must not answer a request carrying Ms-Echo-Reply with another 449. Clients that do not support it are told to handle it as an unrecognised code, which means as 400. " +
			"The specification's grammar even spells the reason phrase \"Reply With\", but \"Retry With\" is the name in use. " +
			"Windows exposes the code as HTTP_STATUS_RETRY_WITH in WinHTTP, and older IIS components such as classic ASP emit it.",
		Causes: []Advice{
			{ForClient, "A Windows WebDAV or Office client made a request the server wanted more context for; Microsoft clients that implement [MS-WDV] retry with Ms-Echo-Reply, others stop at the 449."},
			{ForServer, "An IIS component (classic ASP, a WebDAV handler) asked for the request to be repeated, and a client that does not know the extension surfaced the 449."},
			{ForServer, "Custom application code reuses 449 to mean \"send more data\", as some APIs do without the Ms-Echo headers."},
		},
		Fixes: []Advice{
			{ForClient, "Repeat the request once with an Ms-Echo-Reply header, as [MS-WDV] §3.1.5.5 describes, or use a Microsoft client that implements the extension."},
			{ForServer, "Send 449 only to clients known to support it, always with Ms-Echo-Request; for everyone else use 400 or 428 and explain what is missing."},
			{ForServer, "Never answer a request that already carries Ms-Echo-Reply with another 449, or the client will loop."},
		},
		Related: []Relation{
			{428, "428 Precondition Required is the registered way to demand that the client resend the request with a missing condition."},
			{400, "A client that does not implement [MS-WDV] treats 449 as 400 Bad Request, the x00 code of its class."},
			{401, "401 follows the same \"retry with more\" pattern for credentials, using WWW-Authenticate instead of Ms-Echo-Request."},
		},
		Headers: []Header{
			{"Ms-Echo-Request", Required, Always, "The server MUST include it in a 449 response ([MS-WDV]); the client answers it when it repeats the request."},
			{"Ms-Echo-Reply", Optional, Always, "Request header the client adds when it repeats a request after a 449; a request carrying it must not get another 449."},
		},
		Body:   BodyAllowed,
		Retry:  "Yes, once: repeat the request with Ms-Echo-Reply; another 449 for that retry would be a server bug.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 449 Retry With\r\n" +
			"Ms-Echo-Request: execute opaque=\"0\" location=\"BODY\"\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:     450,
		Phrase:   "Blocked by Windows Parental Controls",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Microsoft Windows",
		Spec:     Spec{Document: "Microsoft Windows Parental Controls (no Microsoft document names the HTTP code)"},
		Summary:  "An unregistered code attributed to Windows Parental Controls for a web page that the family safety filter blocked.",
		Description: "Status code lists credit Microsoft with 450 for pages that Windows Parental Controls refused to show, the block being made on the user's own computer by the family safety web filter. " +
			"Windows does define error codes for parental-control blocks (ERROR_BLOCKED_BY_PARENTAL_CONTROLS), but we found no Microsoft document that names an HTTP 450, so treat the details as unverified. " +
			"It is not registered, no web server should send it, and a generic client treats it as 400.",
		Causes: []Advice{
			{ForClient, "Parental controls or family safety settings on this Windows account block the site or its category."},
		},
		Fixes: []Advice{
			{ForClient, "Ask the parent or administrator to allow the site in the family safety settings, or use an account without restrictions."},
			{ForServer, "Nothing to fix on the server; never send 450 yourself, and use 403 or 451 for content you block."},
		},
		Related: []Relation{
			{403, "403 Forbidden is the registered code for a server refusing access; 450 was a block made on the user's machine."},
			{451, "451 Unavailable For Legal Reasons is the registered code when content is blocked because of a legal demand, not a family filter."},
		},
		Body:   BodyAllowed,
		Retry:  "Not until the parental control settings change.",
		SentBy: []Sender{SentByClient, SentByProxy},
		Example: "HTTP/1.1 450 Blocked by Windows Parental Controls\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Content-Length: 49\r\n" +
			"\r\n" +
			"<p>This page is blocked by Parental Controls.</p>",
	},
	{
		Code:     451,
		Phrase:   "Redirect",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Microsoft Exchange ActiveSync (IIS)",
		Spec: Spec{Document: "[MS-ASHTTP] Exchange ActiveSync: HTTP Protocol", Section: "3.1.5.2.2",
			URL: "https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-ashttp/a907164a-907c-48b4-b2ef-44a06867f03f"},
		Summary: "Exchange ActiveSync's unregistered signal that the device is talking to the wrong server for this mailbox, or that a better one exists, usually naming it in X-MS-Location.",
		Description: "In the Exchange ActiveSync protocol ([MS-ASHTTP]) a server that cannot reach the user's mailbox, or knows a more efficient server for it, answers 451. " +
			"When the response carries X-MS-Location, the client should send all later requests to that URL; without it the client runs Autodiscover again to find the right server. " +
			"This use clashes with the registered 451 Unavailable For Legal Reasons (RFC 7725), so the meaning depends on who sent it: from a /Microsoft-Server-ActiveSync endpoint it is this redirect. " +
			"It is not registered with this meaning; a generic HTTP client treats it as 400 and follows nothing, because the target is not in a Location header.",
		Causes: []Advice{
			{ForClient, "The server configured on the device is not the one that hosts the mailbox, for example after a migration or when routing lands on another Exchange site."},
			{ForServer, "The mailbox moved to another Exchange server or to Exchange Online, and the old server redirects ActiveSync clients."},
			{ForServer, "Microsoft's Remote Connectivity Analyzer reports a 451 \"Device Misconfigured\" on Exchange 2010 when the mailbox database is dismounted."},
		},
		Fixes: []Advice{
			{ForClient, "Switch the account to the X-MS-Location URL (most mail apps do it by themselves), or remove and re-add the account so that Autodiscover finds the right server."},
			{ForServer, "Make Autodiscover return the correct ActiveSync URL, and include X-MS-Location in 451 responses whenever the correct server is known."},
			{ForServer, "If nothing was migrated, check that the mailbox database is mounted and that the ActiveSync virtual directory URLs are right."},
		},
		Related: []Relation{
			{301, "301 Moved Permanently is the registered redirect with a Location header that any HTTP client follows; ActiveSync's 451 relies on X-MS-Location and Autodiscover instead."},
			{307, "307 Temporary Redirect resends the same request to another URL, which is what an ActiveSync client does by hand after a 451."},
			{421, "421 Misdirected Request is the registered code for a request that reached a server unable to answer for it, the closest standard idea to this redirect."},
		},
		Headers: []Header{
			{"X-MS-Location", Recommended, IfKnown, "The server SHOULD give the URL of the correct server when it knows it; the client then uses that URL for all later requests."},
		},
		Body:   BodyAllowed,
		Retry:  "Yes, against the X-MS-Location URL or the server Autodiscover returns; the same server keeps answering 451.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 451 Redirect\r\n" +
			"X-MS-Location: https://mail2.example.com/Microsoft-Server-ActiveSync\r\n" +
			"Cache-Control: private\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:      460,
		Phrase:    "Client Closed Connection",
		Class:     ClientError,
		Registry:  Unofficial,
		Vendor:    "AWS Elastic Load Balancing (ALB)",
		NeverSent: true,
		ClientSees: "Nothing: the client had already closed its connection, so no response was delivered. " +
			"460 exists only in the ALB access log (elb_status_code) and in the load balancer's 4XX metrics.",
		Spec: Spec{
			Document: "AWS Elastic Load Balancing: Troubleshoot your Application Load Balancers",
			Section:  "HTTP 460",
			URL:      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#http-460-issues",
		},
		Summary: "An AWS Application Load Balancer logs 460 when the client hung up before the load balancer had a response to give it.",
		Description: "An Application Load Balancer records 460 when a client sent a request and then closed its connection " +
			"to the load balancer before the idle timeout elapsed, that is, before any response was ready. " +
			"Nobody receives a 460: the client is gone, and the code only marks the access log entry, much as nginx marks the same event with 499. " +
			"It is not registered with IANA; if a client ever saw it, RFC 9110 would have it treat the code as a plain 400. " +
			"The usual story is a client whose own timeout is shorter than the time the target needs to answer: the client gives up, " +
			"the target may go on working, and its eventual response is thrown away. " +
			"A burst of 460s therefore says more about latency behind the load balancer, or about impatient callers, than about bad requests.",
		Causes: []Advice{
			{ForClient, "Your HTTP client's timeout (for example a 30-second SDK or mobile-app default) is shorter than the time the target takes, so the client aborts and closes the connection."},
			{ForServer, "The target is slow for some requests (heavy queries, cold starts, lock waits), so callers give up before ALB has a response."},
			{ForClient, "The user navigated away, closed the tab or app, or the front end cancelled an in-flight request (AbortController, route change), which closes the connection."},
			{ForAnyone, "Something in front of ALB, such as a CDN or another proxy with a shorter origin timeout, dropped its connection to the load balancer."},
		},
		Fixes: []Advice{
			{ForServer, "Find the 460 entries in the access log and subtract request_creation_time from the entry's time; if those durations cluster around one value, that value is some caller's timeout."},
			{ForServer, "Make the target answer sooner, or move long work off the request: accept it with 202 and let the client poll, so no caller waits longer than its timeout."},
			{ForClient, "If the operation legitimately takes long, raise the client timeout above the target's worst-case response time (AWS suggests matching the load balancer idle timeout)."},
			{ForServer, "Order the timeouts from the outside in: each caller should wait longer than the hop behind it (client > CDN > ALB idle timeout > target), so the innermost layer times out first with a real error."},
			{ForAnyone, "Alert on 460 separately from real 4xx errors; a rise usually tracks latency at the target, not broken clients."},
		},
		Related: []Relation{
			{499, "nginx's name for the same event: the client closed the connection before a response; use whichever your proxy logs, the diagnosis is the same."},
			{408, "408 is the opposite direction: the client was too slow to send its request, and the server gave up on it; 460 is the client giving up on the server."},
			{504, "If the caller that hung up was another proxy, that proxy usually logged 504 for the same request while ALB logged 460; look at both logs to find the slow hop."},
		},
		Retry:  "The client that left gets nothing to retry on; retrying the same slow request with the same timeout will likely end the same way, so retry idempotent requests only with a longer timeout or after the backend is faster.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy},
		Example: "https 2025-03-14T09:21:07.412345Z app/prod-alb/50dc6c495c0c9188 198.51.100.23:53124 10.0.3.17:8080 " +
			"0.001 -1 -1 460 - 734 0 \"POST https://api.example.com:443/v1/reports HTTP/1.1\" \"okhttp/4.12.0\" " +
			"ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/reports/73e2d6bc24d8a067 " +
			"\"Root=1-65f2c0a3-4f1d2c3b5a6e7f8091a2b3c4\" \"api.example.com\" \"-\" 0 2025-03-14T09:20:37.398000Z \"forward\" \"-\" \"-\" " +
			"\"10.0.3.17:8080\" \"-\" \"-\" \"-\"",
	},
	{
		Code:     463,
		Phrase:   "Too Many Forwarded IP Addresses",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "AWS Elastic Load Balancing (ALB)",
		Spec: Spec{
			Document: "AWS Elastic Load Balancing: Troubleshoot your Application Load Balancers",
			Section:  "HTTP 463",
			URL:      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#http-463-issues",
		},
		Summary: "An AWS Application Load Balancer refuses a request whose X-Forwarded-For header lists more than 30 IP addresses.",
		Description: "Every proxy that forwards a request usually appends the address it received it from to X-Forwarded-For. " +
			"An Application Load Balancer accepts at most 30 addresses in that header and answers 463 to anything longer. " +
			"A chain that long almost never happens legitimately, so a 463 usually means a forwarding loop (a request going round between proxies, " +
			"gaining an address each time) or a client stuffing the header. " +
			"The code is ALB's own and is not registered with IANA; a generic client treats it as 400 Bad Request.",
		Causes: []Advice{
			{ForServer, "A routing loop: a target, proxy or redirect sends the request back through the same load balancer, and each pass appends another address to X-Forwarded-For."},
			{ForAnyone, "A long chain of proxies and CDNs in front of ALB, each appending to the header without trimming it."},
			{ForClient, "The client, or a tool replaying captured traffic, sent a forged or accumulated X-Forwarded-For header that is already long."},
		},
		Fixes: []Advice{
			{ForServer, "Log or capture X-Forwarded-For on the failing requests; repeated addresses of your own proxies mean a loop, so fix the route that sends traffic back to the load balancer."},
			{ForServer, "At the first proxy you control, overwrite X-Forwarded-For with the real client address instead of appending to whatever arrived."},
			{ForClient, "Do not send X-Forwarded-For yourself unless you are a proxy; drop it from replayed or scripted requests."},
		},
		Related: []Relation{
			{400, "The generic meaning a client falls back to; 463 says exactly which part of the request was wrong."},
			{508, "508 Loop Detected is the registered (WebDAV) code for a detected loop; a 463 is often the symptom of a forwarding loop that nothing else noticed."},
			{431, "431 is the standard answer to header fields that are too large; 463 is ALB's count-based limit on one specific header."},
		},
		Headers: []Header{{"X-Forwarded-For", Optional, Always, "The request header whose length triggers 463: more than 30 addresses."}},
		Retry:   "Not as is: the same header gets the same answer. Retry only after shortening X-Forwarded-For or breaking the loop.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByProxy},
		Example: "HTTP/1.1 463 Too Many Forwarded IP Addresses\r\n" +
			"Server: awselb/2.0\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 40\r\n" +
			"Connection: close\r\n" +
			"\r\n" +
			"<html><body><h1>463</h1></body></html>\r\n",
	},
	{
		Code:     464,
		Phrase:   "Incompatible Protocol Version",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "AWS Elastic Load Balancing (ALB)",
		Spec: Spec{
			Document: "AWS Elastic Load Balancing: Troubleshoot your Application Load Balancers",
			Section:  "HTTP 464",
			URL:      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#http-464-issues",
		},
		Summary: "An AWS Application Load Balancer cannot forward the request because its protocol does not fit the target group's protocol version.",
		Description: "Each ALB target group has a protocol version: HTTP1, HTTP2 or gRPC. " +
			"When a request arrives in a protocol the chosen target group cannot take, the load balancer answers 464 itself: " +
			"an HTTP/1.1 request routed to an HTTP/2 or gRPC target group, a gRPC request routed to an HTTP/1.1 group, " +
			"or an HTTP/2 request other than POST routed to a gRPC group. " +
			"The request never reaches a target. The code is ALB's own, not registered with IANA, and a generic client treats it as 400.",
		Causes: []Advice{
			{ForClient, "Your client spoke HTTP/1.1 (curl without --http2, an older library, a health checker) to a listener rule whose target group is HTTP/2 or gRPC."},
			{ForServer, "A listener rule sends gRPC traffic to a target group whose protocol version is HTTP1, or sends ordinary web traffic to a gRPC group."},
			{ForClient, "A browser or REST client sent GET or another non-POST HTTP/2 request to a gRPC target group (gRPC calls are always POST)."},
		},
		Fixes: []Advice{
			{ForServer, "Route by content: put gRPC paths (/package.Service/*) on a gRPC target group and everything else on an HTTP1 or HTTP2 group, using separate listener rules."},
			{ForServer, "Check the target group's protocol version in the console or with `aws elbv2 describe-target-groups`, and point the rule at a group whose version matches the traffic."},
			{ForClient, "Use a client that speaks what the backend expects: a gRPC client for gRPC services, HTTP/2 (`curl --http2`) for HTTP2 target groups."},
		},
		Related: []Relation{
			{505, "505 is the registered code for an HTTP version the server refuses; ALB uses 464 for the narrower case of a request that does not match the target group's version."},
			{400, "The generic meaning a client falls back to when it does not know 464."},
			{426, "426 asks the client to switch protocols; ALB does not do that, it simply refuses with 464, so the fix is on the client or the listener rules."},
		},
		Retry:  "No: the same request in the same protocol gets the same answer. Change the client's protocol or the routing first.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy},
		Example: "HTTP/1.1 464 Incompatible Protocol Version\r\n" +
			"Server: awselb/2.0\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 40\r\n" +
			"Connection: close\r\n" +
			"\r\n" +
			"<html><body><h1>464</h1></body></html>\r\n",
	},
	{
		Code:      494,
		Phrase:    "Request Header Too Large",
		Class:     ClientError,
		Registry:  Unofficial,
		Vendor:    "nginx",
		NeverSent: true,
		ClientSees: "400 Bad Request, with nginx's default page titled \"400 Request Header Or Cookie Too Large\", " +
			"unless an error_page 494 directive maps the internal code to something else.",
		Spec:    Spec{Document: "nginx source code (src/http/ngx_http_request.h, NGX_HTTP_REQUEST_HEADER_TOO_LARGE)"},
		Summary: "nginx's internal code for request headers that do not fit its header buffers; the client receives 400 Bad Request.",
		Description: "When a single request header line is longer than one of the buffers set by large_client_header_buffers, " +
			"or the header section as a whole does not fit them, nginx finishes the request with its internal code 494. " +
			"The code exists so that error_page can tell this case apart from other 400s; on the wire nginx sends 400 Bad Request with a page saying " +
			"\"Request Header Or Cookie Too Large\", and the access log records 494. " +
			"An over-long request line (the URI) is handled separately and gets 414. " +
			"494 is not registered with IANA; the registered code for this situation is 431 Request Header Fields Too Large, which nginx does not use here.",
		Causes: []Advice{
			{ForClient, "Cookies have piled up for the domain (many tracking or session cookies, or one huge one) and the Cookie header outgrew nginx's buffer."},
			{ForClient, "A large bearer token, such as a JWT carrying many claims or group memberships, makes the Authorization header too long."},
			{ForServer, "large_client_header_buffers is at its default (4 buffers of 8k), which is too small for what your application legitimately puts in headers."},
			{ForServer, "An upstream application or SSO setup keeps adding Set-Cookie values for the same domain, so every later request carries more."},
		},
		Fixes: []Advice{
			{ForClient, "Clear the site's cookies (or use a private window) and retry; if that works, cookie growth was the cause."},
			{ForServer, "Raise the limit, for example `large_client_header_buffers 4 32k;` in the http or server block, and reload nginx; any proxy in front needs a matching limit."},
			{ForServer, "Find what makes headers large: the error log at info level shows \"client sent too long header line\" or \"client sent too large request\"; shrink cookies and tokens at the source."},
			{ForServer, "If you want clients to see a standard code, map it: `error_page 494 =431 /431.html;` turns the page into a 431 response."},
		},
		Related: []Relation{
			{431, "The registered code for the same situation; nginx logs 494 and sends 400, but you can map 494 to 431 with error_page."},
			{400, "What the client actually receives from nginx for 494."},
			{414, "nginx answers 414 when the request line itself is too long, and 494 when a header line or the whole header section is."},
			{413, "413 is about the request body being too large (client_max_body_size), not the headers."},
		},
		Retry:  "Not unchanged: the same headers get the same 400. Retry after clearing cookies or shrinking the token, or after the server raises its limit.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy, SentByOrigin},
		Example: "HTTP/1.1 400 Bad Request\r\n" +
			"Server: nginx\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 226\r\n" +
			"Connection: close\r\n" +
			"\r\n" +
			"<html>\r\n" +
			"<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n" +
			"<body>\r\n" +
			"<center><h1>400 Bad Request</h1></center>\r\n" +
			"<center>Request Header Or Cookie Too Large</center>\r\n" +
			"<hr><center>nginx</center>\r\n" +
			"</body>\r\n" +
			"</html>\r\n",
	},
	{
		Code:      495,
		Phrase:    "SSL Certificate Error",
		Class:     ClientError,
		Registry:  Unofficial,
		Vendor:    "nginx",
		NeverSent: true,
		ClientSees: "400 Bad Request, with nginx's default page titled \"400 The SSL certificate error\", " +
			"unless an error_page 495 directive sends something else.",
		Spec: Spec{
			Document: "nginx documentation: Module ngx_http_ssl_module",
			Section:  "Error Processing",
			URL:      "https://nginx.org/en/docs/http/ngx_http_ssl_module.html#errors",
		},
		Summary: "nginx's internal code for a client TLS certificate that failed verification; the client receives 400 Bad Request.",
		Description: "With client certificate authentication enabled (ssl_verify_client on or optional), nginx lets the TLS handshake finish, " +
			"reads the request, and only then checks the certificate's verification result. " +
			"If verification failed, it ends the request with its non-standard code 495, which error_page can catch; " +
			"the client receives 400 Bad Request and the access log records 495. " +
			"Because the check happens at the HTTP level, the client sees an ordinary HTTP error page, not a TLS alert, which surprises people debugging mTLS. " +
			"The code is documented by nginx but not registered with IANA.",
		Causes: []Advice{
			{ForClient, "Your client certificate has expired or is not yet valid."},
			{ForClient, "Your certificate was issued by a CA that is not in the server's ssl_client_certificate (or ssl_trusted_certificate) bundle, or you did not send the intermediate certificates."},
			{ForServer, "ssl_verify_depth is too small for the client's chain (the default is 1), so a certificate issued through an intermediate CA fails."},
			{ForServer, "The CA bundle on the server is outdated after a CA rotation, or a configured CRL (ssl_crl) has expired or revokes the certificate."},
		},
		Fixes: []Advice{
			{ForServer, "Read the error log: nginx logs \"client SSL certificate verify error\" with the OpenSSL reason (expired, unable to get issuer, depth exceeded...)."},
			{ForServer, "Log `$ssl_client_verify` (SUCCESS, FAILED:reason or NONE) and `$ssl_client_s_dn` in the access log to see which clients fail and why."},
			{ForClient, "Check your certificate and chain with `openssl s_client -connect host:443 -cert client.pem -key client.key` and `openssl x509 -noout -dates -issuer -in client.pem`."},
			{ForServer, "Fix the trust setup: put the right CA chain in ssl_client_certificate, raise ssl_verify_depth to cover intermediates, refresh the CRL; use error_page 495 to show a helpful page."},
		},
		Related: []Relation{
			{496, "496 is the case where no client certificate was sent at all; 495 means one was sent and failed verification."},
			{400, "What the client actually receives from nginx for 495."},
			{403, "A valid certificate that is not allowed (checked via $ssl_client_s_dn in your config) should get 403; 495 is for certificates that do not verify."},
			{526, "The mirror image at a CDN: Cloudflare's 526 is a server certificate that failed validation; 495 is a client certificate."},
		},
		Retry:  "Not until the certificate or the server's trust configuration is fixed; the same certificate fails the same way.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy, SentByOrigin},
		Example: "HTTP/1.1 400 Bad Request\r\n" +
			"Server: nginx\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 208\r\n" +
			"Connection: close\r\n" +
			"\r\n" +
			"<html>\r\n" +
			"<head><title>400 The SSL certificate error</title></head>\r\n" +
			"<body>\r\n" +
			"<center><h1>400 Bad Request</h1></center>\r\n" +
			"<center>The SSL certificate error</center>\r\n" +
			"<hr><center>nginx</center>\r\n" +
			"</body>\r\n" +
			"</html>\r\n",
	},
	{
		Code:      496,
		Phrase:    "SSL Certificate Required",
		Class:     ClientError,
		Registry:  Unofficial,
		Vendor:    "nginx",
		NeverSent: true,
		ClientSees: "400 Bad Request, with nginx's default page titled \"400 No required SSL certificate was sent\", " +
			"unless an error_page 496 directive sends something else.",
		Spec: Spec{
			Document: "nginx documentation: Module ngx_http_ssl_module",
			Section:  "Error Processing",
			URL:      "https://nginx.org/en/docs/http/ngx_http_ssl_module.html#errors",
		},
		Summary: "nginx's internal code for a request that arrived without the client TLS certificate the server requires; the client receives 400 Bad Request.",
		Description: "With `ssl_verify_client on`, nginx requires every client to present a certificate. " +
			"If the TLS handshake completes without one, nginx still reads the request and then ends it with its non-standard code 496, " +
			"which error_page can catch; the client receives 400 Bad Request and the access log records 496. " +
			"With `ssl_verify_client optional` a missing certificate is allowed, so 496 does not occur and the application can check `$ssl_client_verify` itself. " +
			"The code is documented by nginx but not registered with IANA.",
		Causes: []Advice{
			{ForClient, "Your client was not configured with a certificate and key (curl without --cert/--key, a browser with no certificate installed or none selected)."},
			{ForClient, "The client has a certificate, but none issued by a CA the server advertises, so the TLS library chose not to send it."},
			{ForServer, "A proxy or load balancer in front of nginx terminates TLS itself, so the client's certificate never reaches nginx."},
		},
		Fixes: []Advice{
			{ForClient, "Send the certificate: `curl --cert client.pem --key client.key https://host/`, or configure it in your HTTP client's TLS settings."},
			{ForServer, "Check that ssl_client_certificate lists the CA that issued your clients' certificates, since clients pick a certificate from the CA names the server sends."},
			{ForServer, "If a proxy terminates TLS in front of nginx, do the client-certificate check at that proxy, or pass TLS through (TCP/stream mode) so nginx can see it."},
			{ForServer, "Use `error_page 496` to show a page explaining how to obtain and install a certificate, or `ssl_verify_client optional` for paths that should work without one."},
		},
		Related: []Relation{
			{495, "495 means a certificate was sent but failed verification; 496 means none was sent."},
			{400, "What the client actually receives from nginx for 496."},
			{401, "401 is the HTTP-level way to ask for credentials; client certificates are requested in TLS, so nginx has no standard HTTP code for their absence."},
		},
		Retry:  "Only after the client is configured to present a certificate the server accepts.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy, SentByOrigin},
		Example: "HTTP/1.1 400 Bad Request\r\n" +
			"Server: nginx\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 230\r\n" +
			"Connection: close\r\n" +
			"\r\n" +
			"<html>\r\n" +
			"<head><title>400 No required SSL certificate was sent</title></head>\r\n" +
			"<body>\r\n" +
			"<center><h1>400 Bad Request</h1></center>\r\n" +
			"<center>No required SSL certificate was sent</center>\r\n" +
			"<hr><center>nginx</center>\r\n" +
			"</body>\r\n" +
			"</html>\r\n",
	},
	{
		Code:      497,
		Phrase:    "HTTP Request Sent to HTTPS Port",
		Class:     ClientError,
		Registry:  Unofficial,
		Vendor:    "nginx",
		NeverSent: true,
		ClientSees: "400 Bad Request, with nginx's default page titled \"400 The plain HTTP request was sent to HTTPS port\", " +
			"unless an error_page 497 directive redirects the client (typically to the https:// URL).",
		Spec: Spec{
			Document: "nginx documentation: Module ngx_http_ssl_module",
			Section:  "Error Processing",
			URL:      "https://nginx.org/en/docs/http/ngx_http_ssl_module.html#errors",
		},
		Summary: "nginx's internal code for a plain-HTTP request that arrived on a port where it expects TLS; the client receives 400 Bad Request.",
		Description: "When bytes that look like a plain HTTP request arrive on a `listen ... ssl` socket, nginx does not simply drop the connection: " +
			"it answers in plain HTTP and finishes the request with its non-standard code 497. " +
			"nginx source says the code exists to tell this case apart from other 4xx errors in error_page handling. " +
			"Without an error_page for it, the client receives 400 Bad Request and the access log records 497. " +
			"The common use is `error_page 497 =301 https://$host$request_uri;`, which turns the mistake into a redirect to the HTTPS URL. " +
			"The code is documented by nginx but not registered with IANA.",
		Causes: []Advice{
			{ForClient, "The URL uses http:// with the TLS port, for example http://example.com:443/ or http://host:8443/."},
			{ForServer, "A load balancer or reverse proxy forwards plain HTTP to nginx's TLS port (an ALB target group with protocol HTTP on port 443, proxy_pass http:// to an ssl listener)."},
			{ForServer, "A health check or monitoring probe is configured for HTTP against the HTTPS port."},
			{ForServer, "The listen directive has `ssl` on a port that is meant to serve plain HTTP, for example after copying a server block."},
		},
		Fixes: []Advice{
			{ForClient, "Use https:// for that port, or the plain-HTTP port (usually 80) if the site offers one."},
			{ForServer, "Redirect instead of failing: `error_page 497 =301 https://$host:$server_port$request_uri;` in the TLS server block (use $http_host if the client-visible port differs)."},
			{ForServer, "Make upstream hops speak TLS to TLS ports: set the load balancer's target protocol to HTTPS, or use proxy_pass https:// to an ssl listener."},
			{ForServer, "Point HTTP health checks at a plain-HTTP port or switch them to HTTPS."},
		},
		Related: []Relation{
			{400, "What the client actually receives from nginx for 497 when no error_page handles it."},
			{301, "The usual remedy: error_page 497 =301 turns the plain request into a permanent redirect to the https:// URL."},
			{308, "Like 301 but keeps method and body; use `error_page 497 =308 ...` if clients POST to the wrong port."},
			{525, "The reverse mistake at a CDN: Cloudflare gets 525 when it tries TLS against an origin port that does not speak it properly."},
		},
		Retry:  "Retry over HTTPS (or follow the redirect if the server sends one); the same plain-HTTP request gets the same 400.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy, SentByOrigin},
		Example: "HTTP/1.1 400 Bad Request\r\n" +
			"Server: nginx\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 248\r\n" +
			"Connection: close\r\n" +
			"\r\n" +
			"<html>\r\n" +
			"<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n" +
			"<body>\r\n" +
			"<center><h1>400 Bad Request</h1></center>\r\n" +
			"<center>The plain HTTP request was sent to HTTPS port</center>\r\n" +
			"<hr><center>nginx</center>\r\n" +
			"</body>\r\n" +
			"</html>\r\n",
	},
	{
		Code:      498,
		Phrase:    "Invalid Host (historical)",
		Class:     ClientError,
		Registry:  Unofficial,
		Vendor:    "nginx (very old 0.x releases)",
		NeverSent: true,
		ClientSees: "404 Not Found: early nginx replaced the internal 498 with 404 on the wire " +
			"(or closed the connection when restrict_host_names was set to close).",
		Spec:    Spec{Document: "nginx source code, early 0.x releases (NGX_HTTP_INVALID_HOST in src/http/ngx_http_request.h)"},
		Summary: "Historical: an internal code very early nginx used for requests with an invalid host name, sent to the client as 404.",
		Description: "Early nginx 0.x releases defined NGX_HTTP_INVALID_HOST as 498 and used it, together with the long-gone restrict_host_names directive, " +
			"for requests whose Host did not match; like 497, it existed to be told apart from other 4xx codes in error_page handling. " +
			"The client never saw 498: nginx rewrote it to 404 Not Found, or closed the connection outright when configured to. " +
			"Modern nginx no longer defines the code; only a comment in its source remembers that 498 was once used for invalid host names. " +
			"It was never registered with IANA. If you see 498 today it almost certainly comes from something else, such as Esri ArcGIS's Invalid Token.",
		Causes: []Advice{
			{ForAnyone, "You are reading logs or documentation from a very old nginx installation, or a list of codes that still mentions this one; no current nginx produces it."},
			{ForAnyone, "A 498 in a current log most likely comes from another product (Esri ArcGIS uses 498 for an invalid token), not from nginx."},
		},
		Fixes: []Advice{
			{ForServer, "On modern nginx, handle unknown Host values with a default server: `server { listen 80 default_server; return 444; }` (or a 404/421) instead of relying on any special code."},
			{ForAnyone, "If 498 appears in current traffic, look for the component that generated it (ArcGIS Server, a custom application) rather than nginx."},
		},
		Related: []Relation{
			{404, "What clients of those old nginx releases actually received for an invalid host."},
			{421, "The registered code for a request that reached a server not configured for its host name; a modern choice for unknown hosts."},
			{444, "What modern nginx setups often use for unknown hosts instead: close the connection without a response."},
		},
		Retry:  "Not applicable today: no current nginx produces this code.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy, SentByOrigin},
		Example: "HTTP/1.1 404 Not Found\r\n" +
			"Server: nginx\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 162\r\n" +
			"\r\n" +
			"<html>\r\n" +
			"<head><title>404 Not Found</title></head>\r\n" +
			"<body bgcolor=\"white\">\r\n" +
			"<center><h1>404 Not Found</h1></center>\r\n" +
			"<hr><center>nginx</center>\r\n" +
			"</body>\r\n" +
			"</html>\r\n",
	},
	{
		Code:     498,
		Phrase:   "Invalid Token",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Esri ArcGIS Server",
		Spec:     Spec{Document: "Esri ArcGIS REST API documentation (error codes)"},
		Summary:  "Esri ArcGIS services report 498 when the access token sent with a request has expired or is otherwise invalid.",
		Description: "ArcGIS Server, ArcGIS Enterprise and ArcGIS Online protect secured services with tokens, passed as a `token` parameter or an Authorization header. " +
			"When the token is expired, malformed, revoked or issued for another server or referer, the service answers with error code 498 Invalid Token. " +
			"Many ArcGIS REST endpoints put that code in a JSON error object (`{\"error\":{\"code\":498,...}}`) and keep HTTP 200 on the status line, " +
			"so clients must check the body as well as the status. " +
			"498 is not registered with IANA; where it does appear on the status line a generic client treats it as 400. " +
			"It plays the role that 401 plays in standard HTTP: get a new token and try again.",
		Causes: []Advice{
			{ForClient, "The token expired: ArcGIS tokens are short-lived (often an hour or two), and long-running apps or cached URLs keep using an old one."},
			{ForClient, "The token was generated for a different referer, IP address or server than the one now using it (tokens can be bound to a client)."},
			{ForClient, "The token was copied incompletely, URL-encoded twice, or revoked when the user's password or session changed."},
		},
		Fixes: []Advice{
			{ForClient, "Request a new token (generateToken or OAuth refresh) and retry; ArcGIS client SDKs such as ArcGIS REST JS can refresh tokens automatically through their authentication managers."},
			{ForClient, "Check the JSON body for `error.code` even when the HTTP status is 200, and treat 498 like a 401."},
			{ForServer, "If tokens expire too quickly for your workflows, adjust the token expiration settings for the server or application."},
		},
		Related: []Relation{
			{401, "The standard code for missing or bad credentials; ArcGIS's 498 is its token-specific equivalent."},
			{499, "ArcGIS's companion code: 499 Token Required means no token was sent at all, 498 that the one sent is no good."},
			{403, "403 means the token is valid but its user may not access the resource; a new token will not help there."},
		},
		Retry:  "Yes, once, after obtaining a fresh token; repeating the request with the same token fails again.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 498 Invalid Token\r\n" +
			"Content-Type: application/json; charset=utf-8\r\n" +
			"Content-Length: 61\r\n" +
			"\r\n" +
			"{\"error\":{\"code\":498,\"message\":\"Invalid Token\",\"details\":[]}}",
	},
	{
		Code:      499,
		Phrase:    "Client Closed Request",
		Class:     ClientError,
		Registry:  Unofficial,
		Vendor:    "nginx (also seen in Cloudflare logs)",
		NeverSent: true,
		ClientSees: "Nothing: the client closed the connection before nginx sent a response. " +
			"499 appears only in nginx's access log ($status), and in Cloudflare's logs for the same situation.",
		Spec:    Spec{Document: "nginx source code (src/http/ngx_http_request.h, NGX_HTTP_CLIENT_CLOSED_REQUEST)"},
		Summary: "nginx logs 499 when the client closed the connection before nginx could send the response.",
		Description: "HTTP has no code for a client that gives up, so nginx made one up for its logs: 499 means the client closed the connection " +
			"while nginx was still processing the request, before the response header was sent. " +
			"No one receives a 499; it is a log entry, and the $request_time on that line tells you how long the client was willing to wait. " +
			"Behind nginx, the upstream may keep working on a request whose result will be thrown away (unless proxy_ignore_client_abort is on). " +
			"The number is not registered with IANA (Esri ArcGIS uses 499 for something else entirely); a generic client would read it as 400. " +
			"Occasional 499s are normal (users navigate away); a rising rate usually means responses got slower or a caller's timeout got shorter.",
		Causes: []Advice{
			{ForClient, "The client's timeout expired first: an HTTP library, SDK or mobile app with a 10-60 second timeout gave up on a slow response and closed the connection."},
			{ForClient, "The user closed the tab, navigated away, or the front end cancelled the request (AbortController, a search box cancelling the previous query, a route change)."},
			{ForServer, "A load balancer or proxy in front of nginx (AWS ALB, Cloudflare, another nginx) timed out and dropped its connection to nginx; that proxy usually logged 504 for the same request."},
			{ForServer, "The upstream application is slow for these requests (slow queries, exhausted worker pool, GC pauses), so callers run out of patience."},
			{ForAnyone, "A health check or monitoring probe with a short timeout hits an endpoint that sometimes answers slowly."},
		},
		Fixes: []Advice{
			{ForServer, "Log $request_time and $upstream_response_time; if 499 lines cluster at one duration (say 30.0 or 60.0 s), that is the timeout of whoever hung up, so find that client or proxy."},
			{ForServer, "Make the slow path faster or asynchronous (return 202 and let the client poll), so no caller needs to wait longer than its timeout."},
			{ForServer, "Order the timeouts: each outer layer should wait longer than the one behind it (client > CDN or load balancer idle timeout > nginx proxy_read_timeout > application timeout)."},
			{ForServer, "For requests that must finish even if the client leaves (payments, writes), set `proxy_ignore_client_abort on;` and make them idempotent, since the client may retry."},
			{ForClient, "If your calls legitimately take long, raise the client timeout, and do not cancel requests whose side effects you still need."},
		},
		Related: []Relation{
			{460, "AWS ALB's log-only code for the same event; same diagnosis, different proxy."},
			{408, "408 is the server giving up on a client that sends its request too slowly; 499 is the client giving up on a server that answers too slowly."},
			{504, "When the party that hung up was a gateway, it usually returned 504 to its own client while nginx logged 499; the 504 is what users saw."},
			{444, "nginx's other log-only code, the reverse: 444 is nginx closing the connection without a response, 499 is the client closing it."},
		},
		Retry:  "The client that left receives nothing to act on; if it retries, it should use a longer timeout and only for idempotent requests, or the retry ends the same way and adds load.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy, SentByOrigin},
		Example: "203.0.113.42 - - [14/Mar/2025:09:21:07 +0000] \"GET /api/v1/search?q=boots HTTP/1.1\" 499 0 " +
			"\"https://shop.example.com/\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"",
	},
	{
		Code:     499,
		Phrase:   "Token Required",
		Class:    ClientError,
		Registry: Unofficial,
		Vendor:   "Esri ArcGIS Server",
		Spec:     Spec{Document: "Esri ArcGIS REST API documentation (error codes)"},
		Summary:  "Esri ArcGIS services report 499 when a secured resource was requested without any access token.",
		Description: "An ArcGIS service or folder that is not shared publicly requires a token with every request. " +
			"When none is supplied, ArcGIS answers with error code 499 Token Required. " +
			"As with 498, many ArcGIS REST endpoints put the code inside a JSON error object and keep HTTP 200 on the status line, so check the body. " +
			"The number clashes with nginx's log-only 499 Client Closed Request, which means something unrelated. " +
			"It is not registered with IANA; on a status line a generic client treats it as 400, but its meaning is that of a 401.",
		Causes: []Advice{
			{ForClient, "The request has no `token` parameter or Authorization header, for example a layer URL pasted into a browser or a script that skipped sign-in."},
			{ForServer, "The service or folder was made private (or was never shared publicly) while clients still call it anonymously."},
		},
		Fixes: []Advice{
			{ForClient, "Obtain a token (generateToken, OAuth 2.0 or an API key) and send it with each request, as the `token` parameter or in the Authorization header."},
			{ForServer, "If the data is meant to be public, share the service with everyone; otherwise tell client developers how to authenticate."},
		},
		Related: []Relation{
			{401, "The standard code for a request that lacks credentials; ArcGIS's 499 is its token-specific equivalent."},
			{498, "ArcGIS's companion code: a token was sent but is expired or invalid."},
			{403, "A token was sent and is valid, but its user may not access this resource."},
		},
		Retry:  "Only after adding a valid token to the request.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 499 Token Required\r\n" +
			"Content-Type: application/json; charset=utf-8\r\n" +
			"Content-Length: 62\r\n" +
			"\r\n" +
			"{\"error\":{\"code\":499,\"message\":\"Token Required\",\"details\":[]}}",
	},
	{
		Code:     509,
		Phrase:   "Bandwidth Limit Exceeded",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Apache/cPanel shared hosting",
		Spec:     Spec{Document: "cPanel and Apache bandwidth-limiting modules (hosting-control-panel behaviour; no RFC or httpd core definition)"},
		Summary:  "Shared hosting platforms such as cPanel return 509 when a hosting account has used up its bandwidth allowance.",
		Description: "Shared hosts meter the traffic each account serves. When an account exceeds its monthly bandwidth quota, the hosting platform " +
			"(cPanel, or an Apache bandwidth-limiting module) stops serving the site and returns 509 with a notice page. " +
			"Apache httpd itself does not define the code, and it is not registered with IANA; browsers and other clients treat it as a generic 500. " +
			"The site stays down until the quota resets, is raised, or the hosting plan is upgraded. " +
			"For the visitor it looks like an outage; for the owner it is a billing or capacity limit, not a software fault.",
		Causes: []Advice{
			{ForServer, "The hosting account reached its bandwidth quota for the period, often after a traffic spike, a large download being shared, or hot-linked images."},
			{ForServer, "Bots, scrapers or a crawler stuck in a loop consumed the allowance."},
		},
		Fixes: []Advice{
			{ForServer, "Check the bandwidth usage in the hosting control panel and raise the limit or upgrade the plan; ask the host to lift the block if the quota was set too low."},
			{ForServer, "Cut the traffic: serve large files and images from a CDN or object storage, block hot-linking, and rate-limit or block abusive bots."},
			{ForClient, "Nothing to fix on your side; try again later or contact the site owner."},
		},
		Related: []Relation{
			{429, "429 limits one client's request rate; 509 is a limit on the whole site's traffic, hitting every visitor at once."},
			{503, "The registered code for a server that is temporarily unable to serve; a host that wanted standard semantics would send 503 with Retry-After."},
			{402, "402 Payment Required is sometimes used when service stops over an unpaid plan; 509 is specifically a used-up traffic quota."},
		},
		Headers: []Header{{"Retry-After", Optional, Always, "Rarely sent, but the right way to say when the quota resets."}},
		Retry:   "Not soon: the block usually lasts until the quota period resets or the owner raises the limit.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByOrigin},
		Example: "HTTP/1.1 509 Bandwidth Limit Exceeded\r\n" +
			"Content-Type: text/html; charset=iso-8859-1\r\n" +
			"Content-Length: 116\r\n" +
			"\r\n" +
			"<html><head><title>509 Bandwidth Limit Exceeded</title></head>" +
			"<body><h1>Bandwidth Limit Exceeded</h1></body></html>\n",
	},
	{
		Code:     520,
		Phrase:   "Web Server Returned an Unknown Error",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare",
		Spec: Spec{
			Document: "Cloudflare docs: Error 520",
			URL:      "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-520/",
		},
		Summary: "Cloudflare returns 520 when the origin server sent an empty, malformed or otherwise unexpected response, or dropped the connection.",
		Description: "520 is Cloudflare's catch-all for an origin that answered, but not with anything Cloudflare could pass on: " +
			"the connection was reset or closed mid-response, the response had no status line or was malformed, or its headers were too large. " +
			"The error page comes from Cloudflare's edge, so the origin's own logs are the place to look; match the time and the Ray ID. " +
			"It is Cloudflare's own code, not registered with IANA, and clients treat it as a generic 500. " +
			"Compared with 521-524, which name a specific connection failure, 520 means the connection worked but what came back did not make sense.",
		Causes: []Advice{
			{ForServer, "The origin application or web server crashed or restarted while handling the request and closed the connection without a response (PHP-FPM or worker crashes are a classic)."},
			{ForServer, "Response headers exceed Cloudflare's limit (128 KB in its docs), usually because of too many or too large Set-Cookie headers."},
			{ForServer, "The origin announces HTTP/2 via ALPN but does not handle it correctly, so Cloudflare's HTTP/2 connection to it fails."},
			{ForServer, "A firewall or security plugin at the origin resets connections from some Cloudflare IP addresses."},
			{ForServer, "Authenticated Origin Pulls is enabled in Cloudflare but the origin is not set up to accept Cloudflare's client certificate, or the reverse."},
		},
		Fixes: []Advice{
			{ForServer, "Search the origin's error logs (web server, PHP-FPM, application) at the time of the 520 for crashes, segfaults or connection resets."},
			{ForServer, "Test the origin directly, bypassing Cloudflare: `curl -sv --resolve example.com:443:ORIGIN_IP https://example.com/path` shows whether the raw response is empty or malformed."},
			{ForServer, "Trim response headers: drop redundant cookies and oversized custom headers."},
			{ForServer, "If HTTP/2 to the origin is the problem, fix the origin's HTTP/2 setup or turn off HTTP/2 to Origin in Cloudflare's protocol optimization settings."},
			{ForServer, "Allow all Cloudflare IP ranges (https://www.cloudflare.com/ips/) through the origin firewall and security plugins; give the Ray ID to Cloudflare support if the cause stays hidden."},
		},
		Related: []Relation{
			{502, "The standard code for an invalid response from upstream; 520 is Cloudflare's more specific (and vaguer-named) version of it."},
			{504, "If the origin was merely slow rather than broken, Cloudflare reports 524; a generic gateway would say 504."},
			{521, "521 means the origin refused the connection; 520 means it accepted it but the response was unusable."},
			{500, "A 500 passed through Cloudflare came from the origin's application; a 520 was produced by Cloudflare because there was no proper response to pass."},
		},
		Headers: []Header{
			{"CF-RAY", Optional, Always, "The Ray ID of the request; quote it when searching logs or contacting Cloudflare support."},
			{"Server", Optional, Always, "`cloudflare` on error pages generated at the edge."},
		},
		Retry:  "Idempotent requests may be retried after a short delay, since crashes are often intermittent; a persistent 520 needs a fix at the origin.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByCDN},
		Example: "HTTP/1.1 520 Web Server Returned an Unknown Error\r\n" +
			"Server: cloudflare\r\n" +
			"CF-RAY: 8a1f2c3d4e5b6a70-AMS\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 115\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>example.com | 520: Web server is returning an unknown error</title>\n" +
			"<h1>Error code 520</h1>\n",
	},
	{
		Code:     521,
		Phrase:   "Web Server Is Down",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare",
		Spec: Spec{
			Document: "Cloudflare docs: Error 521",
			URL:      "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-521/",
		},
		Summary: "Cloudflare returns 521 when the origin server refused its connection.",
		Description: "Cloudflare tried to open a TCP connection to the origin and was actively refused: nothing listens on the port, " +
			"or a firewall answered with a reset. The origin never saw an HTTP request. " +
			"The two usual reasons are that the web server is not running and that something at the origin blocks Cloudflare's IP addresses. " +
			"The port depends on the SSL/TLS mode: Flexible connects to port 80, Full and Full (strict) to 443. " +
			"It is Cloudflare's own code, not registered with IANA; clients treat it as a generic 500.",
		Causes: []Advice{
			{ForServer, "The web server or application on the origin is stopped, crashed, or is restarting."},
			{ForServer, "A firewall, fail2ban, .htaccess rule or security plugin blocks or rate-limits Cloudflare's IP ranges, which carry all your visitors' traffic."},
			{ForServer, "The origin listens on the wrong port for the SSL/TLS mode, for example nothing on 443 while Cloudflare is set to Full."},
			{ForServer, "The DNS record points at a machine that does not run the site (an old server, a changed IP)."},
		},
		Fixes: []Advice{
			{ForServer, "Check that the web server is running and listening: `ss -ltnp | grep -E ':(80|443)'`, then restart it and read its error log for why it stopped."},
			{ForServer, "Allow every Cloudflare IP range (https://www.cloudflare.com/ips/) in the firewall and security software, and stop rate-limiting them."},
			{ForServer, "Match the listening port to the SSL/TLS mode: port 80 for Flexible, 443 (with a certificate) for Full and Full (strict)."},
			{ForServer, "Confirm the A/AAAA record in Cloudflare DNS holds the origin's current IP address."},
		},
		Related: []Relation{
			{502, "The standard code for a gateway that could not get a valid response from upstream; 521 is the specific case of a refused connection."},
			{522, "522 means the connection attempt timed out (packets dropped); 521 means it was refused (reset). Drop versus reject in the firewall decides which you get."},
			{503, "If the origin itself were up but overloaded, it could say 503; with 521 it could not say anything."},
		},
		Headers: []Header{{"CF-RAY", Optional, Always, "The Ray ID of the request, for logs and support."}},
		Retry:   "Idempotent requests may be retried after a while; the error lasts until the origin is back or stops blocking Cloudflare.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByCDN},
		Example: "HTTP/1.1 521 Web Server Is Down\r\n" +
			"Server: cloudflare\r\n" +
			"CF-RAY: 8a1f2c3d4e5b6a71-AMS\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 93\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>example.com | 521: Web server is down</title>\n" +
			"<h1>Error code 521</h1>\n",
	},
	{
		Code:     522,
		Phrase:   "Connection Timed Out",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare",
		Spec: Spec{
			Document: "Cloudflare docs: Error 522",
			URL:      "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/",
		},
		Summary: "Cloudflare returns 522 when it timed out connecting to the origin server.",
		Description: "Cloudflare's documentation names two timeouts behind 522: the origin did not answer Cloudflare's SYN with a SYN+ACK within about 19 seconds, " +
			"or, once connected, it did not acknowledge Cloudflare's request within 90 seconds. " +
			"Either way the packets went unanswered, which typically means a firewall silently dropping Cloudflare's addresses, an overloaded server, " +
			"or a DNS record pointing at the wrong machine. " +
			"It is Cloudflare's own code, not registered with IANA; clients treat it as a generic 500, and a generic proxy would have said 504.",
		Causes: []Advice{
			{ForServer, "A firewall, iptables rule or hosting provider's protection drops (rather than rejects) traffic from some Cloudflare IP ranges, the most common cause according to Cloudflare."},
			{ForServer, "The origin is overloaded or offline and its network stack drops incoming connections."},
			{ForServer, "The A/AAAA record in Cloudflare points at an IP the origin no longer has."},
			{ForServer, "A Cloudflare Worker on a Custom Domain fetches its own hostname, which Cloudflare documents as a cause of 522."},
			{ForServer, "Packet loss or a routing problem between Cloudflare and the origin."},
		},
		Fixes: []Advice{
			{ForServer, "Allow all Cloudflare IP ranges (https://www.cloudflare.com/ips/) at every firewall layer, including the hosting provider's, and do not rate-limit them."},
			{ForServer, "Check origin load (CPU, connection backlog, SYN queue) and scale or fix whatever makes it stop accepting connections."},
			{ForServer, "Verify the DNS record's IP against the origin's current address; test with `curl -v --resolve example.com:443:ORIGIN_IP https://example.com/`."},
			{ForServer, "Run an MTR or traceroute from the origin to a Cloudflare IP seen in your logs to find where packets are lost, and share it with the host or Cloudflare."},
		},
		Related: []Relation{
			{504, "The standard gateway-timeout code; 522 is the specific case of Cloudflare timing out while connecting to the origin."},
			{524, "524 means the connection succeeded but the HTTP response took too long; 522 means the connection itself never completed."},
			{521, "521 is a refused connection (reset); 522 is an unanswered one (dropped). A firewall that rejects gives 521, one that drops gives 522."},
		},
		Headers: []Header{{"CF-RAY", Optional, Always, "The Ray ID of the request, for logs and support."}},
		Retry:   "Idempotent requests may be retried after a delay; if every request times out, the origin or its firewall has to be fixed.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByCDN},
		Example: "HTTP/1.1 522 Connection Timed Out\r\n" +
			"Server: cloudflare\r\n" +
			"CF-RAY: 8a1f2c3d4e5b6a72-AMS\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 95\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>example.com | 522: Connection timed out</title>\n" +
			"<h1>Error code 522</h1>\n",
	},
	{
		Code:     523,
		Phrase:   "Origin Is Unreachable",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare",
		Spec: Spec{
			Document: "Cloudflare docs: Error 523",
			URL:      "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-523/",
		},
		Summary: "Cloudflare returns 523 when it has no route to the origin server's IP address.",
		Description: "523 means Cloudflare could not even reach the origin's network: some device between Cloudflare and the origin has no route to the origin's IP. " +
			"It points at addressing and routing rather than at the web server: a wrong IP in the DNS record, an origin network that has been renumbered, " +
			"or a routing mistake at the hosting side. " +
			"Cloudflare's docs mention one AWS trap: a broad VPC route such as 172.0.0.0/8 swallows Cloudflare's 172.64.0.0/13 range. " +
			"It is Cloudflare's own code, not registered with IANA; clients treat it as a generic 500.",
		Causes: []Advice{
			{ForServer, "The A or AAAA record in Cloudflare DNS holds a wrong or outdated origin IP (a private address, an old server, a typo)."},
			{ForServer, "A routing problem between Cloudflare and the origin's network, or at the origin's provider."},
			{ForServer, "In AWS, a VPC route table sends an overly broad prefix (such as 172.0.0.0/8) to a private target, capturing the return traffic to Cloudflare's 172.64.0.0/13."},
		},
		Fixes: []Advice{
			{ForServer, "Check the origin IP in the Cloudflare DNS records against the address the server really has; fix typos and private addresses."},
			{ForServer, "Run an MTR or traceroute from the origin to a Cloudflare IP to see where routing breaks, and give it to the hosting provider."},
			{ForServer, "In AWS, remove or narrow broad private routes, or add a more specific route for 172.64.0.0/13 to the Internet Gateway."},
		},
		Related: []Relation{
			{502, "The standard code for a gateway that could not get a response from upstream; 523 names the cause: no route to the origin."},
			{522, "522 means packets reached the origin's address but went unanswered; 523 means they could not be routed there at all."},
			{530, "530 (with a 1xxx error in the body) is the DNS-side counterpart: Cloudflare could not resolve the origin's host name."},
		},
		Headers: []Header{{"CF-RAY", Optional, Always, "The Ray ID of the request, for logs and support."}},
		Retry:   "Retrying soon rarely helps: the route or the DNS record has to be fixed first.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByCDN},
		Example: "HTTP/1.1 523 Origin Is Unreachable\r\n" +
			"Server: cloudflare\r\n" +
			"CF-RAY: 8a1f2c3d4e5b6a73-AMS\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 96\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>example.com | 523: Origin is unreachable</title>\n" +
			"<h1>Error code 523</h1>\n",
	},
	{
		Code:     524,
		Phrase:   "A Timeout Occurred",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare",
		Spec: Spec{
			Document: "Cloudflare docs: Error 524",
			URL:      "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524/",
		},
		Summary: "Cloudflare returns 524 when it connected to the origin but the origin did not send an HTTP response before Cloudflare's read timeout.",
		Description: "With 524 the network is fine: Cloudflare connected to the origin and sent the request, but no HTTP response came back within the Proxy Read Timeout " +
			"(120 seconds by default in current Cloudflare docs; older docs said 100). " +
			"Cloudflare also returns 524 when writing the request to the origin does not finish within its 30-second write timeout. " +
			"The usual cause is an endpoint that does too much work per request: a big report, an export, a slow query. " +
			"Only Enterprise plans can raise the read timeout (up to 6,000 seconds); everyone else has to make the request shorter or bypass the proxy. " +
			"It is Cloudflare's own code, not registered with IANA; clients treat it as a generic 500, and a generic gateway would have said 504.",
		Causes: []Advice{
			{ForServer, "A long-running request (export, report, batch job, large upload processing) takes longer than Cloudflare's read timeout."},
			{ForServer, "The origin is overloaded: requests sit in a queue (exhausted PHP-FPM, Gunicorn or database pool) long enough to exceed the timeout."},
			{ForServer, "A slow dependency (database lock, third-party API) stalls the response."},
		},
		Fixes: []Advice{
			{ForServer, "Make long work asynchronous: accept the job with 202, run it in the background, and let the client poll a status URL (Cloudflare suggests status polling)."},
			{ForServer, "Log request durations at the origin (nginx $request_time, Apache %D) to find which endpoints exceed the limit, and speed them up."},
			{ForServer, "Serve endpoints that must run long from a DNS-only (grey-cloud) host name that bypasses Cloudflare's proxy."},
			{ForServer, "On an Enterprise plan, raise the Proxy Read Timeout with a Cache Rule or the zone's proxy_read_timeout setting."},
		},
		Related: []Relation{
			{504, "The standard gateway-timeout code; 524 is Cloudflare's specific case of a response that did not arrive in time."},
			{522, "522 means Cloudflare could not connect at all; 524 means it connected but the origin was too slow to answer."},
			{202, "The usual cure for long requests: accept the work with 202 and report completion through a status resource."},
		},
		Headers: []Header{{"CF-RAY", Optional, Always, "The Ray ID of the request, for logs and support."}},
		Retry:   "Retrying the same long request usually times out again and adds load; retry only idempotent requests, and only once the origin is faster or the work is asynchronous.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByCDN},
		Example: "HTTP/1.1 524 A Timeout Occurred\r\n" +
			"Server: cloudflare\r\n" +
			"CF-RAY: 8a1f2c3d4e5b6a74-AMS\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 93\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>example.com | 524: A timeout occurred</title>\n" +
			"<h1>Error code 524</h1>\n",
	},
	{
		Code:     525,
		Phrase:   "SSL Handshake Failed",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare",
		Spec: Spec{
			Document: "Cloudflare docs: Error 525",
			URL:      "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-525/",
		},
		Summary: "Cloudflare returns 525 when the TLS handshake between Cloudflare and the origin server failed.",
		Description: "In the Full and Full (strict) SSL/TLS modes Cloudflare connects to the origin over TLS. " +
			"525 means that handshake failed outright: the origin has no certificate, its TLS port is closed, it needs SNI and does not get or handle it, " +
			"or it offers no protocol version or cipher suite Cloudflare accepts. " +
			"It differs from 526, where the handshake works but the certificate is not trusted. " +
			"The visitor's own connection to Cloudflare is fine; only the Cloudflare-to-origin leg is broken. " +
			"It is Cloudflare's own code, not registered with IANA; clients treat it as a generic 500.",
		Causes: []Advice{
			{ForServer, "No valid certificate is installed on the origin for this host name, or the TLS virtual host is missing."},
			{ForServer, "Port 443 (or the custom TLS port) is closed or serves plain HTTP."},
			{ForServer, "The origin offers only protocol versions or cipher suites Cloudflare does not accept (an old TLS 1.0-only server, an exotic cipher list)."},
			{ForServer, "The origin does not support SNI, or serves a different TLS configuration when SNI is present."},
		},
		Fixes: []Advice{
			{ForServer, "Test the origin's handshake directly: `openssl s_client -connect ORIGIN_IP:443 -servername example.com` should complete and show a certificate."},
			{ForServer, "Install a certificate: a Cloudflare Origin CA certificate is free and is trusted by Cloudflare for this purpose."},
			{ForServer, "Enable TLS 1.2 and 1.3 with modern cipher suites on the origin, and check its error log at the failure times for handshake errors."},
			{ForServer, "If the origin cannot do TLS at all, use the Flexible mode only as a stopgap, since traffic to the origin is then unencrypted."},
		},
		Related: []Relation{
			{526, "526 means the handshake worked but the origin's certificate failed validation (Full strict); 525 means the handshake itself failed."},
			{502, "The standard code for a gateway that could not get a valid response upstream; a generic proxy reports TLS failures to the origin as 502."},
			{497, "The reverse mistake seen from nginx: plain HTTP arriving on a TLS port."},
		},
		Headers: []Header{{"CF-RAY", Optional, Always, "The Ray ID of the request, for logs and support."}},
		Retry:   "No point until the origin's TLS setup is fixed; intermittent 525s may be retried once for idempotent requests.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByCDN},
		Example: "HTTP/1.1 525 SSL Handshake Failed\r\n" +
			"Server: cloudflare\r\n" +
			"CF-RAY: 8a1f2c3d4e5b6a75-AMS\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 95\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>example.com | 525: SSL handshake failed</title>\n" +
			"<h1>Error code 525</h1>\n",
	},
	{
		Code:     526,
		Phrase:   "Invalid SSL Certificate",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare",
		Spec: Spec{
			Document: "Cloudflare docs: Error 526",
			URL:      "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-526/",
		},
		Summary: "Cloudflare returns 526 when, in Full (strict) mode, it cannot validate the origin server's certificate.",
		Description: "In the Full (strict) SSL/TLS mode Cloudflare checks the origin's certificate the way a browser would. " +
			"526 means that check failed: the certificate is expired, revoked, self-signed, issued by an untrusted CA, or does not name the requested host. " +
			"Cloudflare's Gateway and Workers can return it too: Workers subrequests to hosts outside your zone always use strict validation. " +
			"It is Cloudflare's own code, not registered with IANA; clients treat it as a generic 500.",
		Causes: []Advice{
			{ForServer, "The origin certificate has expired, often because automatic renewal (certbot, ACME client) stopped working."},
			{ForServer, "The origin uses a self-signed certificate, or one from a private CA, which strict mode does not trust."},
			{ForServer, "The host name is not in the certificate's Common Name or Subject Alternative Names (for example a certificate for example.com on www.example.com)."},
			{ForServer, "A Cloudflare Worker fetches an external origin whose certificate is invalid; such subrequests are always validated strictly."},
		},
		Fixes: []Advice{
			{ForServer, "Inspect the certificate: `openssl s_client -connect ORIGIN_IP:443 -servername example.com | openssl x509 -noout -dates -subject -ext subjectAltName`."},
			{ForServer, "Install a valid certificate: a Cloudflare Origin CA certificate (trusted by Cloudflare) or a publicly trusted one, and fix the renewal job."},
			{ForServer, "For a private CA or self-signed certificate, upload it to Cloudflare's Custom Origin Trust Store instead of weakening validation."},
			{ForServer, "Switching the zone to Full (not strict) makes the error go away but stops Cloudflare from verifying the origin; use it only as a stopgap."},
		},
		Related: []Relation{
			{525, "525 means the TLS handshake failed; 526 means it succeeded but the certificate is not valid."},
			{502, "The standard code a generic proxy uses when the upstream's certificate fails verification."},
			{495, "nginx's log-only code for the client side of the same problem: a client certificate that failed verification."},
		},
		Headers: []Header{{"CF-RAY", Optional, Always, "The Ray ID of the request, for logs and support."}},
		Retry:   "No: the certificate will not become valid by itself. Retry after it has been replaced or renewed.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByCDN},
		Example: "HTTP/1.1 526 Invalid SSL Certificate\r\n" +
			"Server: cloudflare\r\n" +
			"CF-RAY: 8a1f2c3d4e5b6a76-AMS\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 98\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>example.com | 526: Invalid SSL certificate</title>\n" +
			"<h1>Error code 526</h1>\n",
	},
	{
		Code:     527,
		Phrase:   "Railgun Error",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare Railgun (retired)",
		Spec:     Spec{Document: "Cloudflare Railgun documentation (retired; no longer in Cloudflare's current docs)"},
		Summary:  "Historical: Cloudflare returned 527 when the connection between Cloudflare and a site's Railgun listener failed.",
		Description: "Railgun was a Cloudflare product that compressed traffic between Cloudflare and the origin through a listener installed at the origin. " +
			"527 reported a failure of the link from Cloudflare to that listener, or from the listener on to the origin. " +
			"Cloudflare has discontinued Railgun, and 527 no longer appears among its documented 5xx errors, so a current site should never produce it. " +
			"It was never registered with IANA; clients treat it as a generic 500.",
		Causes: []Advice{
			{ForAnyone, "You are looking at logs or documentation from a site that used Railgun before Cloudflare retired it; current Cloudflare setups do not produce 527."},
		},
		Fixes: []Advice{
			{ForServer, "Remove any remaining Railgun listener and configuration; traffic now goes from Cloudflare to the origin directly (or through Cloudflare Tunnel or Argo Smart Routing)."},
		},
		Related: []Relation{
			{502, "The generic gateway error that the same failure would be reported as today."},
			{520, "Cloudflare's catch-all for a failed exchange with the origin, which covers what 527 used to report for Railgun setups."},
		},
		Retry:  "Not applicable today: the product that produced 527 is retired.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByCDN},
		Example: "HTTP/1.1 527 Railgun Error\r\n" +
			"Server: cloudflare\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 88\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>example.com | 527: Railgun error</title>\n" +
			"<h1>Error code 527</h1>\n",
	},
	{
		Code:     529,
		Phrase:   "Site is overloaded",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Qualys SSL Labs",
		Spec:     Spec{Document: "SSL Labs API documentation (ssllabs/ssllabs-scan)", Section: "Error Response Status Codes"},
		Summary:  "The Qualys SSL Labs assessment API returns 529 when the service as a whole is overloaded.",
		Description: "The SSL Labs API lists 529 as \"the service is overloaded\", next to 503 for maintenance and 429 for a client that asks too often. " +
			"Unlike 429, it is not about your client: the whole service is busy. " +
			"Its documentation asks clients to wait for several minutes before retrying (it suggests around 30 minutes after a 529) and to randomize the delay so that clients do not all return at once. " +
			"Other APIs have since used 529 for overload as well. " +
			"The code is not registered with IANA; a generic client treats it as 500.",
		Causes: []Advice{
			{ForAnyone, "The SSL Labs service (or another API using 529) is handling more assessments than it has capacity for; nothing in your request is wrong."},
			{ForClient, "Many CI pipelines and scanners start assessments at the same time (for example on the hour), adding to peak load."},
		},
		Fixes: []Advice{
			{ForClient, "Back off for several minutes (SSL Labs suggests about 30 after a 529) with random jitter, then try again; do not retry in a tight loop."},
			{ForClient, "Schedule scans off-peak and at random minutes, and mark a 529 in CI as \"could not assess\" rather than as a failed check."},
		},
		Related: []Relation{
			{503, "The registered code for a temporarily unavailable service; SSL Labs uses 503 for maintenance and 529 for overload."},
			{429, "429 says your client is sending too much; 529 says the service is overloaded regardless of who you are."},
		},
		Headers: []Header{{"Retry-After", Optional, Always, "Not promised by SSL Labs; honour it if a 529 carries one."}},
		Retry:   "Yes, after a long randomized back-off (minutes, not seconds).",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByOrigin},
		Example: "HTTP/1.1 529 Site is overloaded\r\n" +
			"Content-Type: application/json\r\n" +
			"Content-Length: 52\r\n" +
			"\r\n" +
			"{\"errors\":[{\"message\":\"Running at full capacity\"}]}\n",
	},
	{
		Code:     530,
		Phrase:   "Origin DNS Error",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Cloudflare",
		Spec: Spec{
			Document: "Cloudflare docs: Error 530",
			URL:      "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-530/",
		},
		Summary: "Cloudflare returns 530 together with a Cloudflare 1xxx error in the page, most often because it could not resolve the origin's host name.",
		Description: "530 is a carrier: the status line says 530 and the page names a Cloudflare 1xxx error, which holds the real reason. " +
			"Cloudflare's docs tie it to a failure to resolve the origin host name, as with error 1016 (Origin DNS error), " +
			"and it is also commonly seen with error 1033 when a Cloudflare Tunnel has no running connector. " +
			"So the first step is to read the 1xxx number in the body and look that error up. " +
			"It is Cloudflare's own code, not registered with IANA; clients treat it as a generic 500. " +
			"Pantheon uses the same number for a frozen site, with an unrelated meaning.",
		Causes: []Advice{
			{ForServer, "A proxied CNAME points at a host name that does not resolve (a deleted load balancer, a typo, an expired domain), shown as error 1016."},
			{ForServer, "The origin host name's authoritative DNS is failing or returns no A/AAAA record."},
			{ForServer, "The host name is routed to a Cloudflare Tunnel whose cloudflared connector is not running, shown as error 1033."},
		},
		Fixes: []Advice{
			{ForAnyone, "Read the 1xxx error number in the page body and follow Cloudflare's documentation for that specific error."},
			{ForServer, "Check that the record's target resolves: `dig +short origin.example.net` should return an address; fix or replace the CNAME target."},
			{ForServer, "For Tunnels, check that cloudflared is running and connected (`cloudflared tunnel info NAME`) and that the public host name maps to the right tunnel."},
		},
		Related: []Relation{
			{523, "523 means Cloudflare had an IP but could not route to it; 530 (with 1016) means it could not get an IP at all."},
			{502, "The generic gateway error a plain proxy would return when it cannot resolve its upstream."},
			{503, "What a Tunnel or origin might answer when it is up but unable to serve; 530 means Cloudflare never reached it."},
		},
		Headers: []Header{{"CF-RAY", Optional, Always, "The Ray ID of the request, for logs and support."}},
		Retry:   "Retrying soon rarely helps; the DNS record or tunnel has to be fixed first.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByCDN},
		Example: "HTTP/1.1 530 Origin DNS Error\r\n" +
			"Server: cloudflare\r\n" +
			"CF-RAY: 8a1f2c3d4e5b6a77-AMS\r\n" +
			"Content-Type: text/html; charset=UTF-8\r\n" +
			"Content-Length: 82\r\n" +
			"\r\n" +
			"<!DOCTYPE html>\n" +
			"<title>Origin DNS error | example.com</title>\n" +
			"<h1>Error 1016</h1>\n",
	},
	{
		Code:     530,
		Phrase:   "Site is frozen",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Pantheon",
		Spec:     Spec{Document: "Pantheon platform documentation (frozen sites)"},
		Summary:  "The Pantheon hosting platform returns 530 for a site that it has frozen because of inactivity.",
		Description: "Pantheon freezes sandbox sites that have gone unused for a long time, and a frozen site answers with 530 instead of serving pages. " +
			"Nothing is broken in the code; the site's owner has to unfreeze it from the Pantheon dashboard. " +
			"The number is the same as Cloudflare's 530 Origin DNS Error but the meaning is unrelated, so check which platform answered (response headers and page). " +
			"It is not registered with IANA; clients treat it as a generic 500.",
		Causes: []Advice{
			{ForServer, "The Pantheon site (typically a free sandbox) saw no activity for a long period and the platform froze it."},
		},
		Fixes: []Advice{
			{ForServer, "Unfreeze the site from the Pantheon dashboard, or upgrade it to a paid plan if it must stay available."},
			{ForClient, "Nothing to do on your side except tell the site owner."},
		},
		Related: []Relation{
			{503, "The registered code for a service that is temporarily unavailable; a frozen site is unavailable until its owner acts."},
			{402, "402 Payment Required is what some platforms use when a site is suspended for billing; Pantheon's 530 is about inactivity."},
		},
		Retry:  "Not until the owner unfreezes the site.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 530 Site is frozen\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Content-Length: 83\r\n" +
			"\r\n" +
			"<html><body><h1>Site is frozen</h1><p>This site has been frozen.</p></body></html>\n",
	},
	{
		Code:     540,
		Phrase:   "Temporarily Disabled",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Shopify",
		Spec:     Spec{Document: "Shopify API response status and error codes"},
		Summary:  "The Shopify API returns 540 when the requested endpoint has been temporarily disabled.",
		Description: "Shopify lists 540 Temporarily Disabled among its API response codes for an endpoint that has been switched off for a while, " +
			"and says little more about when or why that happens. " +
			"The request may be perfectly valid; the endpoint simply is not serving for now. " +
			"It is not registered with IANA; a generic client treats it as 500.",
		Causes: []Advice{
			{ForAnyone, "Shopify has disabled the endpoint you called for the time being; nothing in your request needs to change."},
		},
		Fixes: []Advice{
			{ForClient, "Back off and retry later, check Shopify's status page and developer changelog, and make your app degrade gracefully while the endpoint is off."},
		},
		Related: []Relation{
			{503, "The registered code for a temporarily unavailable service, which 540 resembles but for a single endpoint."},
			{410, "410 means an endpoint is gone for good; 540 says the outage is temporary."},
		},
		Headers: []Header{{"Retry-After", Optional, Always, "Honour it if present."}},
		Retry:   "Yes, later, with back-off; the disablement is temporary by definition.",
		Body:    BodyAllowed,
		SentBy:  []Sender{SentByOrigin},
		Example: "HTTP/1.1 540 Temporarily Disabled\r\n" +
			"Content-Type: application/json; charset=utf-8\r\n" +
			"Content-Length: 33\r\n" +
			"\r\n" +
			"{\"errors\":\"Temporarily Disabled\"}",
	},
	{
		Code:     561,
		Phrase:   "Unauthorized",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "AWS Elastic Load Balancing (ALB)",
		Spec: Spec{
			Document: "AWS Elastic Load Balancing: Troubleshoot your Application Load Balancers",
			Section:  "HTTP 561",
			URL:      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#http-561-issues",
		},
		Summary: "An AWS Application Load Balancer returns 561 when a listener rule authenticates users and the identity provider answered with an error.",
		Description: "ALB can authenticate users itself with an authenticate-oidc or authenticate-cognito listener action, exchanging codes and tokens with an identity provider (IdP) on the user's behalf. " +
			"When the IdP returns an error code during that exchange, the load balancer answers 561. " +
			"The request never reaches the target. The access log's error_reason field carries a reason code saying which step failed. " +
			"Despite its phrase it is a 5xx code, because the failure lies with the identity provider, not with the client's request. " +
			"The code is ALB's own, not registered with IANA; a generic client treats it as 500.",
		Causes: []Advice{
			{ForServer, "The IdP rejected the load balancer's token request: wrong client ID or secret, a redirect URI not registered with the IdP, or an app disabled at the IdP."},
			{ForServer, "The IdP itself failed or is misconfigured (expired signing keys, a scope it does not support)."},
		},
		Fixes: []Advice{
			{ForServer, "Look up the error_reason field for the 561 entries in the ALB access logs, then check the IdP's own logs for the matching request."},
			{ForServer, "Compare the listener rule's issuer, endpoints, client ID, secret and scopes with the IdP application's settings; the callback https://DNS/oauth2/idpresponse must be registered there."},
			{ForClient, "Nothing in your request can fix it; report the time and URL to the site's operator."},
		},
		Related: []Relation{
			{401, "ALB returns 401 when it denies an unauthenticated user or cannot complete authentication itself; 561 is specifically the IdP returning an error."},
			{500, "ALB returns 500 when it cannot reach the IdP's token or user-info endpoints; 561 means it reached the IdP and got an error back."},
			{502, "502 from ALB concerns the target; 561 concerns the identity provider in front of it."},
		},
		Retry:  "A user may start the login again once; repeated 561s need the listener rule or IdP configuration fixed.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy},
		Example: "HTTP/1.1 561 Unauthorized\r\n" +
			"Server: awselb/2.0\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 40\r\n" +
			"Connection: close\r\n" +
			"\r\n" +
			"<html><body><h1>561</h1></body></html>\r\n",
	},
	{
		Code:     598,
		Phrase:   "Network Read Timeout Error",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Informal proxy convention",
		Spec:     Spec{Document: "None: informal convention found in status-code lists, not in any major proxy's documentation"},
		Summary:  "An informal code some proxies are said to use when they timed out reading the response from the upstream server.",
		Description: "598 appears in lists of unofficial codes as a proxy's way of saying that the upstream accepted the connection but did not send its response in time. " +
			"None of the common proxies (nginx, HAProxy, Envoy, Apache, Squid) uses it; they report the same situation as 504. " +
			"Some vendors give 598 a meaning of their own: Alibaba Cloud's EdgeRoutine, for one, uses it when a script is rate-limited or blocked. " +
			"It is not registered with IANA, and a generic client treats it as 500. " +
			"If you see it, a specific product or in-house proxy chose it, and that product's documentation is the authority.",
		Causes: []Advice{
			{ForServer, "A proxy or gateway using this convention connected to the upstream but timed out waiting for (or reading) its response, because the upstream is slow or stuck."},
		},
		Fixes: []Advice{
			{ForServer, "Find the component that sent it (Server and Via headers, proxy logs), then treat it like a 504: speed up the upstream or adjust that proxy's read timeout."},
		},
		Related: []Relation{
			{504, "The registered code for a gateway timeout; prefer it over 598 when you build a proxy."},
			{599, "599, the companion convention, is about connecting to the upstream; 598 is about reading from it."},
			{524, "Cloudflare's specific code for the same situation at its edge."},
		},
		Retry:  "Like 504: idempotent requests may be retried with back-off.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByProxy},
		Example: "HTTP/1.1 598 Network Read Timeout Error\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 37\r\n" +
			"\r\n" +
			"upstream read timed out after 60 s.\r\n",
	},
	{
		Code:     599,
		Phrase:   "Network Connect Timeout Error",
		Class:    ServerError,
		Registry: Unofficial,
		Vendor:   "Informal proxy convention (also Tornado HTTP client)",
		Spec:     Spec{Document: "Tornado documentation: tornado.httpclient.HTTPClientError (code 599); otherwise an informal convention"},
		Summary:  "An informal code for a timeout or failure before any HTTP response arrived; the Tornado HTTP client reports such failures as 599.",
		Description: "In status-code lists 599 is a proxy's way of saying it timed out connecting to the upstream. " +
			"Its best-known real use is client-side: Python's Tornado HTTP client raises HTTPClientError with code 599 when no HTTP response was received at all, " +
			"for example on a timeout or a closed connection. " +
			"So a 599 in your logs often never crossed the network: your own client (or a Tornado-based service such as a Jupyter component) invented it to describe a failure. " +
			"It is not registered with IANA; a generic client that did receive it would treat it as 500.",
		Causes: []Advice{
			{ForClient, "A Tornado-based client timed out (connect_timeout or request_timeout) before the server answered."},
			{ForClient, "The connection closed before a response arrived (Tornado's HTTPStreamClosedError), or Tornado's curl_httpclient hit a libcurl error; both carry code 599."},
			{ForServer, "The server is down, unreachable, or too slow to accept connections, so clients never get a response."},
			{ForServer, "A proxy that uses this convention could not connect to its upstream within its connect timeout."},
		},
		Fixes: []Advice{
			{ForClient, "Read the error message on the exception, not just the code: Tornado puts the underlying reason (which timeout, stream closed, the libcurl error) there."},
			{ForClient, "Tune connect_timeout and request_timeout to the service you call, and retry idempotent requests with back-off."},
			{ForServer, "Check that the server is reachable and listening from the client's network (`curl -v`, DNS, firewall rules), and that it accepts connections quickly under load."},
			{ForServer, "If a proxy sends 599, look at its upstream connection errors and connect timeouts and fix the upstream's availability."},
		},
		Related: []Relation{
			{504, "The registered gateway-timeout code; a proxy should send 504 rather than 599."},
			{502, "The registered code for a gateway that got no valid response upstream, for connection failures other than timeouts."},
			{408, "408 is a server timing out on a slow client; 599 is a client (or proxy) timing out on a server."},
			{598, "The companion convention for a read timeout, after the connection was made."},
		},
		Retry:  "Idempotent requests may be retried with back-off; if the 599 came from your own client, first check whether the server is reachable at all.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByClient, SentByProxy},
		Example: "HTTP/1.1 599 Network Connect Timeout Error\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 44\r\n" +
			"\r\n" +
			"could not connect to upstream within 10 s.\r\n",
	},
	{
		Code:     783,
		Phrase:   "Unexpected Token",
		Class:    Class(7),
		Registry: Unofficial,
		Vendor:   "Shopify",
		Spec:     Spec{Document: "Shopify API response status and error codes"},
		Summary:  "Shopify's API lists 783 for a request body with a JSON syntax error, a number outside the 100-599 range that RFC 9110 allows.",
		Description: "Shopify documents 783 Unexpected Token for requests whose JSON body does not parse. " +
			"The number is not a valid HTTP status code at all: RFC 9110 §15 says status codes run from 100 to 599 and that values outside that range are invalid. " +
			"There is no 7xx class, so the rule of treating an unknown code as the x00 of its class does not apply; instead RFC 9110 says a client SHOULD treat an invalid code as a 5xx. " +
			"In practice clients differ: many reject such a response as malformed, while others (Go's net/http, Python's http.client) pass the number through. " +
			"It is not registered with IANA, and never can be. " +
			"Curiously, Ruby's JSON parser (Shopify is built on Ruby) words its syntax errors as \"783: unexpected token at ...\", " +
			"so the number may first have surfaced in error messages; whether Shopify puts 783 on the status line today we could not verify. " +
			"Either way the remedy is the one for a 400: fix the JSON.",
		Causes: []Advice{
			{ForClient, "The request body is not valid JSON: a trailing comma, single quotes, unescaped characters, a truncated body, or a template that did not render."},
			{ForClient, "The body was sent with a JSON content type but in another format (form-encoded or empty)."},
		},
		Fixes: []Advice{
			{ForClient, "Build the body with a JSON serializer instead of string concatenation, and validate it (`jq . body.json`) before sending."},
			{ForClient, "Make your HTTP client accept and surface status codes outside 100-599, or treat any such response as a failure to investigate, so the error is not lost."},
		},
		Related: []Relation{
			{400, "The registered code for a malformed request, which is what a standard API returns for invalid JSON."},
			{422, "422 is for JSON that parses but fails validation; 783 (like 400) is for JSON that does not parse."},
			{415, "415 is for a content type the endpoint does not accept, rather than a body that does not parse."},
		},
		Retry:  "Not until the body is fixed; the same bytes fail the same way.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 783 Unexpected Token\r\n" +
			"Content-Type: application/json; charset=utf-8\r\n" +
			"Content-Length: 66\r\n" +
			"\r\n" +
			"{\"errors\":\"783: unexpected token at '{\\\"product\\\": {\\\"title\\\",}'\"}",
	},
	{
		Code:     999,
		Phrase:   "Request Denied",
		Class:    Class(9),
		Registry: Unofficial,
		Vendor:   "LinkedIn",
		Spec:     Spec{Document: "None: observed LinkedIn behaviour; LinkedIn does not document the code"},
		Summary:  "LinkedIn answers 999 to requests it takes for automated or scraping traffic, a number outside the 100-599 range that RFC 9110 allows.",
		Description: "LinkedIn's web front end is widely observed returning 999 to clients it believes are bots: scrapers, link checkers, headless browsers, " +
			"cloud IP ranges, or anything sending too many requests without a logged-in session. LinkedIn does not document it. " +
			"The number is not a valid HTTP status code: RFC 9110 §15 says status codes run from 100 to 599 and that values outside that range are invalid, " +
			"and a client SHOULD treat such a response as a 5xx even though the meaning here is a refusal. " +
			"Many clients reject the response as malformed; others pass 999 through. " +
			"It is not registered with IANA, and never can be.",
		Causes: []Advice{
			{ForClient, "Your request looks automated to LinkedIn: a link checker, crawler, monitoring probe, curl or a headless browser, especially from a data-center IP address."},
			{ForClient, "You made many requests in a short time, or without the cookies of a logged-in session."},
		},
		Fixes: []Advice{
			{ForClient, "Use LinkedIn's official APIs for data access instead of scraping pages; scraping is against its terms."},
			{ForClient, "In link checkers and uptime monitors, skip linkedin.com URLs or accept 999 as \"exists but refused\", rather than reporting them as broken."},
		},
		Related: []Relation{
			{403, "The registered code for a refused request; a standards-minded service would send 403 for the same decision."},
			{429, "The registered code for too many requests; use it (with Retry-After) when the refusal is about rate."},
		},
		Retry:  "Retrying from the same client usually gets the same answer; back off, or use the official API.",
		Body:   BodyAllowed,
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 999 Request Denied\r\n" +
			"Content-Type: text/html\r\n" +
			"Content-Length: 49\r\n" +
			"\r\n" +
			"<html><body><p>Request denied.</p></body></html>\n",
	},
}
