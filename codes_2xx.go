package httpstatus

// successfulCodes are the registered 2xx codes (RFC 9110 §15.3, plus the
// WebDAV and delta-encoding RFCs the registry names for 207, 208 and 226),
// in numeric order.
var successfulCodes = []Status{
	{
		Code:     200,
		Phrase:   "OK",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.3.1", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.1"},
		Summary:  "The request succeeded, and the content carries the result, which for GET is the current representation of the resource.",
		Description: "What the content of a 200 means depends on the method: the resource itself for GET, the same header fields without the data for HEAD, " +
			"the status or result of the action for POST, PUT and DELETE, and the communication options for OPTIONS. A 200 is expected to " +
			"carry content unless its framing says the length is zero; when there is nothing to return, 204 says so more clearly. " +
			"A 200 to CONNECT is special: it opens a tunnel, and the bytes after its header section belong to the tunnel. " +
			"For GET and HEAD the server SHOULD send the validators it has (a strong ETag and Last-Modified) so that clients can revalidate " +
			"cheaply, and because 200 is heuristically cacheable, a response without Cache-Control or Expires may still be reused by browsers " +
			"and CDNs for a while.",
		Causes: []Advice{
			{ForAnyone, "The request was understood and handled successfully."},
			{ForServer, "A handler or framework sends 200 by default when the code sets no status, even when the operation failed or created something, which hides the real outcome."},
			{ForClient, "A login page, captive portal or catch-all page answered 200 with HTML where you expected JSON: the status says success although the URL, the credentials or the network is wrong."},
		},
		Fixes: []Advice{
			{ForServer, "Use the precise success code: 201 with Location for a creation, 202 for queued work, 204 when there is nothing to send; keep 200 for responses that carry a real result."},
			{ForServer, "Never report an error as 200 with an error object in the body: use a 4xx or 5xx so that clients, caches, retry logic and monitoring see the failure."},
			{ForServer, "Set Cache-Control on dynamic or personal 200 responses (`no-store`, `private` or an explicit `max-age`); without it, caches may apply heuristic freshness."},
			{ForClient, "Check Content-Type before parsing: text/html from an API endpoint usually means you followed a redirect to a login or error page."},
		},
		Related: []Relation{
			{201, "Use 201 instead when the request created a resource, with Location pointing to it."},
			{204, "Use 204 when the action succeeded and there is deliberately nothing to return."},
			{206, "A range request that the server honours gets 206 with only the requested bytes; a server that ignores Range sends 200 with everything."},
			{304, "After a conditional GET, 304 replaces the 200 when the cached copy is still valid, so the content is not sent again."},
		},
		Headers: []Header{
			{"Content-Type", Recommended, WithContent, "Says how to interpret the content."},
			{"ETag", Recommended, IfKnown, "RFC 9110 says a 200 to GET or HEAD SHOULD carry the available validators; a strong ETag lets later If-None-Match requests end in 304."},
			{"Last-Modified", Optional, Always, "A second validator, used with If-Modified-Since."},
			{"Cache-Control", Optional, Always, "200 is heuristically cacheable; state explicitly whether and for how long it may be reused."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Not needed: the request succeeded. Repeat only to refresh the data, with If-None-Match or If-Modified-Since to keep it cheap.",
		SentBy:    []Sender{SentByOrigin, SentByProxy, SentByCDN},
		Example: "HTTP/1.1 200 OK\r\n" +
			"Content-Type: application/json\r\n" +
			"ETag: \"a1b2c3\"\r\n" +
			"Cache-Control: private, max-age=60\r\n" +
			"Content-Length: 23\r\n" +
			"\r\n" +
			`{"id":42,"name":"Ada"}` + "\n",
	},
	{
		Code:     201,
		Phrase:   "Created",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.3.2", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.2"},
		Summary:  "The request succeeded and created one or more new resources; Location, or else the request URI, identifies the main one.",
		Description: "201 is the normal answer to a POST that adds an item to a collection and to a PUT that creates a resource where there was none. " +
			"For the PUT case RFC 9110 makes 201 mandatory, and for a POST that creates something it says the server SHOULD send 201 with a " +
			"Location header. The primary new resource is the one Location names, or the target URI when there is no Location. " +
			"The content usually describes the outcome and links to what was created, and any ETag or Last-Modified in the response describes " +
			"the new resource. A 201 is not heuristically cacheable.",
		Causes: []Advice{
			{ForClient, "Your POST or PUT created something: a record, an upload, an account."},
			{ForServer, "The handler stored a new resource and reported it, for example with `res.status(201)` in Express, `ResponseEntity.created(uri)` in Spring or `Results.Created(...)` in ASP.NET Core."},
		},
		Fixes: []Advice{
			{ForServer, "Send Location with the URL of the new resource, and ideally its representation (or a link to it) in the body, so that the client needs no second request."},
			{ForClient, "Take the new resource's address from Location instead of building the URL yourself; a relative value is resolved against the request URL."},
			{ForServer, "Make creation safe to retry (a client-chosen id with PUT, or an idempotency key on POST as Stripe's API does) so that a lost 201 does not lead to duplicates."},
		},
		Related: []Relation{
			{200, "200 fits an action that succeeded without creating anything new, such as an update."},
			{202, "202 says the creation was accepted but has not happened yet; 201 says the resource exists now."},
			{303, "After an HTML form POST, a 303 to the new resource avoids a resubmission when the user reloads; APIs usually prefer 201."},
			{409, "When the resource to create already exists or clashes with another, 409 Conflict is the usual refusal."},
		},
		Headers: []Header{
			{"Location", Recommended, NotAtTarget, "The URL of the primary new resource; without it the request URI is taken to be the new resource."},
			{"ETag", Optional, Always, "The entity tag of the new resource's representation."},
			{"Content-Type", Optional, Always, "When the body describes or contains the new resource."},
		},
		Body:   BodyAllowed,
		Retry:  "Do not resend automatically: repeating a POST may create a second resource. Repeating a PUT to the same URI is safe.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 201 Created\r\n" +
			"Location: /orders/1042\r\n" +
			"Content-Type: application/json\r\n" +
			"Content-Length: 31\r\n" +
			"\r\n" +
			`{"id":1042,"status":"pending"}` + "\n",
	},
	{
		Code:     202,
		Phrase:   "Accepted",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.3.3", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.3"},
		Summary:  "The server has accepted the request for processing but has not finished it, and the outcome is not known yet.",
		Description: "202 is deliberately non-committal: the work has been queued, may not even have started, and may still be refused when it runs. " +
			"HTTP has no way to deliver the final status later, so the response ought to describe the current state and point to (or embed) " +
			"a status monitor that the client can check. " +
			"It suits exports, bulk imports, media processing, e-mail sending and anything else slower than a request should be, and the " +
			"client's connection does not have to stay open while the job runs. RFC 9110 also suggests it for a DELETE that will probably " +
			"succeed but has not been carried out yet.",
		Causes: []Advice{
			{ForServer, "The operation runs in the background (a job queue such as Sidekiq, Celery or SQS) and the server answered as soon as the job was queued."},
			{ForClient, "You called an asynchronous API (report generation, bulk import, cloud resource provisioning) that always answers 202 first."},
		},
		Fixes: []Advice{
			{ForClient, "Follow the status URL from the body or the Location header and poll it, honouring any Retry-After, until it reports success or failure."},
			{ForClient, "Do not treat 202 as proof that the work succeeded; check the final state before relying on the result."},
			{ForServer, "Return a status resource that reports progress and, once the job is done, the result or a 303 See Other to it; give an expected delay with Retry-After."},
		},
		Related: []Relation{
			{201, "201 means the resource exists now; 202 only that the request will be worked on."},
			{303, "A status monitor often answers 303 See Other pointing to the result once the job has finished."},
			{204, "For DELETE, 204 says the deletion is done; 202 says it will probably happen later."},
			{102, "102 tried to keep one connection open through slow work; ending the request at once with 202 is more robust."},
		},
		Headers: []Header{
			{"Location", Optional, Always, "Often points to the job's status monitor (Azure's asynchronous APIs do this); RFC 9110 gives it no meaning in a 202, so also link it in the body."},
			{"Retry-After", Optional, Always, "How long to wait before polling the status monitor."},
		},
		Body:   BodyAllowed,
		Retry:  "Do not resend the original request, which would queue the work twice; poll the status resource instead.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 202 Accepted\r\n" +
			"Location: /jobs/77\r\n" +
			"Retry-After: 10\r\n" +
			"Content-Type: application/json\r\n" +
			"Content-Length: 41\r\n" +
			"\r\n" +
			`{"status":"queued","monitor":"/jobs/77"}` + "\n",
	},
	{
		Code:     203,
		Phrase:   "Non-Authoritative Information",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.3.4", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.4"},
		Summary:  "The request succeeded, but a transforming proxy changed the content that the origin server sent with its 200.",
		Description: "A proxy that alters content on the way through (recompressing images, rewriting or minifying HTML, converting formats) may replace " +
			"the origin's 200 with 203 so that recipients know they are not seeing the origin's exact bytes. That can matter later: validation " +
			"requests for such content may only make sense through the same proxies. A proxy must not transform a response marked " +
			"`Cache-Control: no-transform`, and HTTPS keeps out every proxy except one that intercepts TLS, so 203 is rare today. " +
			"Like 200, it is heuristically cacheable.",
		Causes: []Advice{
			{ForAnyone, "A transforming proxy on the path, such as a mobile operator's data optimiser, a content filter or a corporate proxy that intercepts TLS, modified the response."},
			{ForServer, "A gateway in front of your application rewrites bodies (image recompression, HTML injection) and marks its output with 203."},
		},
		Fixes: []Advice{
			{ForServer, "Send `Cache-Control: no-transform` on content whose exact bytes matter, such as downloads, signed data or images you have already optimised."},
			{ForClient, "Use HTTPS end to end, or talk to whoever runs the proxy, if you need the origin's content unchanged."},
			{ForClient, "Handle 203 like 200 in code, but do not check the content against digests or signatures the origin computed."},
		},
		Related: []Relation{
			{200, "The status the origin sent before the proxy changed the content; treat 203 as 200 unless the exact bytes matter."},
		},
		Headers: []Header{
			{"Cache-Control", Optional, Always, "`no-transform` forbids proxies to alter the content, which is what rules out a 203."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Not needed: the request succeeded. Repeat over HTTPS, or ask for `no-transform`, only if you need the untouched content.",
		SentBy:    []Sender{SentByProxy},
		Example: "HTTP/1.1 203 Non-Authoritative Information\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Content-Length: 28\r\n" +
			"\r\n" +
			"<!doctype html><p>Hello</p>\n",
	},
	{
		Code:     204,
		Phrase:   "No Content",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.3.5", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.5"},
		Summary:  "The request succeeded and the response deliberately has no content.",
		Description: "204 is the usual answer to a successful DELETE, to a PUT or PATCH that needs no reply, to a 'save' in an editor and to CORS " +
			"preflight requests. The response ends with its header section: it cannot contain content or trailers, a server MUST NOT send " +
			"Content-Length with it, and an HTTP/1.1 recipient reads nothing after the blank line whatever the headers say. " +
			"Header fields in a 204 describe the target resource after the action, so an ETag after a PUT is the tag of the new representation. " +
			"A browser that follows a link or submits a form to a URL answering 204 simply stays on the current page. " +
			"204 is heuristically cacheable.",
		Causes: []Advice{
			{ForAnyone, "The action succeeded and the server has nothing to add, for example after a DELETE or an update."},
			{ForServer, "A CORS preflight (OPTIONS) request was answered by your framework or API gateway, which commonly uses 204."},
		},
		Fixes: []Advice{
			{ForClient, "Check the status before decoding: calling `response.json()` or a JSON decoder on a 204 fails, because there is no body."},
			{ForServer, "Do not write a body or Content-Length with 204; if the client needs data back (the updated object, a generated id), answer 200."},
			{ForServer, "Answer a search or collection that merely has no items with 200 and an empty list, so that clients can always parse the result."},
		},
		Related: []Relation{
			{200, "Use 200 when there is something to return, including an empty JSON array for an empty collection."},
			{205, "205 also has no content, but additionally asks the client to reset the form or view that sent the request."},
			{304, "304 has no content either, but it answers a conditional request and tells the client to use its stored copy."},
			{404, "Do not use 204 for 'not found': when the resource does not exist, answer 404; 204 says the request succeeded."},
		},
		Headers: []Header{
			{"ETag", Optional, Always, "The new entity tag after a PUT or PATCH, so that the client can make conditional requests without fetching the resource."},
		},
		Cacheable: true,
		Body:      BodyForbidden,
		Retry:     "Not needed: the request succeeded.",
		SentBy:    []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 204 No Content\r\n" +
			"ETag: \"v2\"\r\n" +
			"\r\n",
	},
	{
		Code:     205,
		Phrase:   "Reset Content",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.3.6", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.6"},
		Summary:  "The request succeeded and the client should reset the view that sent it, for example clear a form for the next entry.",
		Description: "205 was designed for data entry: the user fills in a form, submits it, and the form is cleared for the next record without " +
			"loading a new page. A server MUST NOT generate content in a 205. Unlike 204 and 304, it is not bodiless by HTTP/1.1 framing rules, " +
			"so send `Content-Length: 0` (RFC 7231 listed that, an empty chunked body or closing the connection); otherwise a recipient may " +
			"wait for content until the connection closes. Browsers stop a navigation that gets 205 but do not clear any form, so the reset is " +
			"up to your own script. It is not heuristically cacheable.",
		Causes: []Advice{
			{ForServer, "The application asks the client to clear the input it just submitted, typically on a data-entry or kiosk screen."},
		},
		Fixes: []Advice{
			{ForClient, "Reset the form or editor state yourself, for example with `form.reset()` after a fetch that returns 205."},
			{ForServer, "Send `Content-Length: 0` and no body; use 200 if the client needs data back, or 204 if no reset is wanted."},
		},
		Related: []Relation{
			{204, "204 also has no content but leaves the client's view as it is; it is the common choice."},
			{200, "Use 200 when the response has to carry data, such as the saved record."},
		},
		Headers: []Header{
			{"Content-Length", Recommended, NoOtherFraming, "`Content-Length: 0` tells an HTTP/1.1 recipient that no content follows."},
		},
		Body:   BodyForbidden,
		Retry:  "Not needed: the request succeeded.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 205 Reset Content\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:     206,
		Phrase:   "Partial Content",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.3.7", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.7"},
		Summary:  "The server is sending only the byte range or ranges that the client asked for in its Range header.",
		Description: "Range requests let a client resume an interrupted download, seek in audio or video, or fetch a large file in pieces. For a single " +
			"range the server MUST send Content-Range (for example `bytes 0-1023/146515`) and just those bytes; for several ranges it MUST send " +
			"a `multipart/byteranges` body with a Content-Range in each part and none in the header section, and it MUST NOT answer a " +
			"single-range request with multipart. Content-Length counts only the bytes in this message. The server may satisfy fewer ranges " +
			"than requested, or ignore Range and send 200 with everything, so the client MUST inspect Content-Type and Content-Range.\n\n" +
			"Fields that a 200 to the same request would carry (Date, Cache-Control, ETag, Expires, Content-Location, Vary) must also be in " +
			"the 206. Parts from several responses may only be combined when they share the same strong validator, which is why clients that " +
			"resume send If-Range. 206 is heuristically cacheable.",
		Causes: []Advice{
			{ForClient, "Your client sent `Range: bytes=...`: a download manager or `curl -C -` resuming, a media player seeking, or a browser streaming audio or video."},
			{ForAnyone, "A CDN or cache fetched or served part of a large object on behalf of a range request."},
		},
		Fixes: []Advice{
			{ForClient, "Read Content-Range to learn which bytes arrived and the full length, and send If-Range with the ETag when resuming so that a changed file is not assembled from two versions."},
			{ForServer, "Advertise support with `Accept-Ranges: bytes`, send exactly the bytes Content-Range names, and keep a strong ETag that changes only when the content does."},
			{ForServer, "Limit how many ranges one request may ask for and merge overlapping ones; RFC 9110 lets servers ignore or reject abusive Range headers."},
		},
		Related: []Relation{
			{200, "The full representation: what a server sends when it does not support or chooses to ignore Range, or when an If-Range validator no longer matches."},
			{416, "416 Range Not Satisfiable is the answer when none of the requested ranges overlaps the representation, for example a start beyond its end."},
			{304, "304 also saves a transfer, but by confirming that the whole cached copy is current rather than sending a piece."},
		},
		Headers: []Header{
			{"Content-Range", Required, SinglePart, "For a single part, the range enclosed and the complete length (`bytes 0-99/1234`); in a multipart response it goes in each part instead."},
			{"Content-Type", Recommended, WithContent, "For several ranges it must be `multipart/byteranges` with its boundary; for one range, the type of the representation."},
			{"Accept-Ranges", Optional, Always, "`bytes` tells clients that range requests are supported."},
			{"ETag", Optional, Always, "A strong validator lets clients combine parts safely and use If-Range."},
		},
		Cacheable: true,
		Body:      BodyAllowed,
		Retry:     "Request further ranges as needed; if the ETag has changed since the earlier parts, start the transfer again.",
		SentBy:    []Sender{SentByOrigin, SentByCDN, SentByProxy},
		Example: "HTTP/1.1 206 Partial Content\r\n" +
			"Content-Type: text/plain\r\n" +
			"Content-Range: bytes 0-9/100\r\n" +
			"ETag: \"r7\"\r\n" +
			"Content-Length: 10\r\n" +
			"\r\n" +
			"0123456789",
	},
	{
		Code:     207,
		Phrase:   "Multi-Status",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 4918", Section: "11.1", URL: "https://www.rfc-editor.org/rfc/rfc4918.html#section-11.1"},
		Summary:  "A WebDAV response whose XML body reports a separate status for each of several resources or properties.",
		Description: "Some WebDAV methods touch many resources at once: PROPFIND lists a collection, PROPPATCH sets several properties, and COPY, MOVE " +
			"and DELETE can act on whole trees. The server then answers 207 with a `multistatus` XML document (application/xml or text/xml) " +
			"holding a `response` element per resource, each with the resource's `href` and its own status, or per-property `propstat` blocks " +
			"for PROPFIND and PROPPATCH. The 207 itself says nothing about success: the request may have fully succeeded, partly succeeded or " +
			"failed, so the client has to read every inner status. The meaning of Location in a 207 is deliberately left undefined, and 1xx " +
			"codes should not appear inside. Some APIs outside WebDAV borrow 207 for batch endpoints with JSON bodies, which RFC 4918 does not define.",
		Causes: []Advice{
			{ForAnyone, "A WebDAV client (a mapped network drive, macOS Finder, a CalDAV or CardDAV sync client) sent PROPFIND or PROPPATCH, or a COPY, MOVE or DELETE on a collection."},
			{ForServer, "A batch endpoint of your API reports per-item results with 207."},
		},
		Fixes: []Advice{
			{ForClient, "Parse the multistatus body and handle each inner status: a 207 can hide 403, 423 or 424 results for some members."},
			{ForServer, "Keep 207 for real multi-resource results; for a batch API, document the body format, and answer single-resource requests with a plain status."},
		},
		Related: []Relation{
			{208, "208 Already Reported appears inside a 207 body for collections reached again through another binding."},
			{424, "Inside a 207, members that failed only because another part of the operation failed are marked 424 Failed Dependency."},
			{423, "423 Locked often appears inside a 207 for members that could not be changed because they are locked."},
			{200, "When an operation on a single resource simply succeeds, a plain 2xx is clearer than a 207 with one entry."},
		},
		Headers: []Header{
			{"Content-Type", Recommended, WithContent, "`application/xml` (or `text/xml`) for the multistatus document."},
		},
		Body:   BodyAllowed,
		Retry:  "Do not repeat the whole request blindly; retry only the members whose inner status shows a temporary failure.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 207 Multi-Status\r\n" +
			"Content-Type: application/xml; charset=utf-8\r\n" +
			"Content-Length: 182\r\n" +
			"\r\n" +
			`<?xml version="1.0" encoding="utf-8"?>` + "\n" +
			`<d:multistatus xmlns:d="DAV:"><d:response><d:href>/docs/plan.txt</d:href>` +
			`<d:status>HTTP/1.1 423 Locked</d:status></d:response></d:multistatus>` + "\n",
	},
	{
		Code:       208,
		Phrase:     "Already Reported",
		Class:      Successful,
		Registry:   Permanent,
		Spec:       Spec{Document: "RFC 5842", Section: "7.1", URL: "https://www.rfc-editor.org/rfc/rfc5842.html#section-7.1"},
		Summary:    "Used inside a WebDAV 207 Multi-Status body to say that a collection reached again through another binding has already been reported.",
		NeverSent:  true,
		ClientSees: "A 207 Multi-Status response: 208 appears only as the status of a member inside its XML body, never as the response's own status line.",
		Description: "WebDAV bindings (RFC 5842, an Experimental RFC) let one resource, collections included, appear under several URLs, so a " +
			"`Depth: infinity` PROPFIND could list the same subtree many times or even loop forever. To avoid that, the server reports each such " +
			"collection fully once with 200 and gives its later appearances the status 208 in their `propstat`, without listing their members again. " +
			"It only occurs in Depth: infinity requests, and clients can ask for the DAV:resource-id property to rebuild the binding structure. " +
			"For clients that do not know it, servers SHOULD NOT use 208 unless the client announced support for bindings in the DAV request " +
			"header, and should answer a binding loop with 508 Loop Detected instead.",
		Causes: []Advice{
			{ForAnyone, "A `Depth: infinity` PROPFIND on a server that supports bindings reached a collection it had already listed under another path."},
		},
		Fixes: []Advice{
			{ForClient, "Treat the member as another path to the collection already reported (compare DAV:resource-id) and do not expect its children to be listed again."},
			{ForServer, "Use 208 only for clients that signalled binding support in the DAV request header; for the others, stop with 508 Loop Detected when you meet a loop."},
		},
		Related: []Relation{
			{207, "208 only ever appears inside a 207 Multi-Status body."},
			{508, "508 Loop Detected is the answer when the server meets a binding loop and cannot, or may not, use 208."},
			{200, "The first appearance of the collection in the same body carries 200; later ones carry 208."},
		},
		Body:   BodyAllowed,
		Retry:  "Not applicable: it marks one member of a multistatus response and is not a failure.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 207 Multi-Status\r\n" +
			"Content-Type: application/xml; charset=utf-8\r\n" +
			"Content-Length: 181\r\n" +
			"\r\n" +
			`<d:multistatus xmlns:d="DAV:"><d:response><d:href>/a/loop/</d:href><d:propstat><d:prop/>` +
			`<d:status>HTTP/1.1 208 Already Reported</d:status></d:propstat></d:response></d:multistatus>` + "\n",
	},
	{
		Code:     226,
		Phrase:   "IM Used",
		Class:    Successful,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 3229", Section: "10.4.1", URL: "https://www.rfc-editor.org/rfc/rfc3229.html#section-10.4.1"},
		Summary:  "The server answered a GET with the result of instance manipulations, typically a delta against a version the client already holds, as the client's A-IM header allowed.",
		Description: "RFC 3229 delta encoding saves bandwidth on resources that change a little at a time. A client that holds an old copy sends its " +
			"entity tag in If-None-Match and the manipulations it understands in A-IM (for example `vcdiff` or `diffe`); the server may then " +
			"answer 226 with only the difference, an IM header naming what it applied and the ETag of the current version, and the client " +
			"rebuilds the current version by applying the delta to its copy. A 226 is only allowed when the request listed at least one " +
			"manipulation in A-IM, and it MUST carry ETag. A cache may store a 226 and combine it with the base version it holds, but the " +
			"code is not heuristically cacheable. Browsers never adopted it; its best-known use was feeds that sent readers only the new " +
			"entries in reply to `A-IM: feed`.",
		Causes: []Advice{
			{ForClient, "Your client sent A-IM together with If-None-Match, and the server returned a delta instead of the full representation."},
		},
		Fixes: []Advice{
			{ForClient, "Apply the delta named in IM to the cached version it was computed against (Delta-Base, or the tag you sent) and store the result under the new ETag; drop A-IM if you want full responses."},
			{ForServer, "Send 226 only when the request listed an A-IM value you support, always include ETag, and otherwise fall back to 200 with the full content."},
		},
		Related: []Relation{
			{200, "200 carries the full representation, which is what a server sends when it applies no instance manipulation."},
			{304, "304 says the cached copy is still current, so not even a delta is needed; 226 says it changed and sends the difference."},
			{206, "206 also sends part of a representation, but a byte range the client chose rather than a computed difference."},
		},
		Headers: []Header{
			{"ETag", Required, Always, "RFC 3229 requires the entity tag of the current instance in every 226."},
			{"IM", Optional, Always, "Lists the instance manipulations applied, such as `diffe` or `vcdiff`; without it the client cannot tell how to decode the content."},
			{"Delta-Base", Optional, Always, "The entity tag of the base version the delta was computed against."},
		},
		Body:   BodyAllowed,
		Retry:  "Not needed: the request succeeded; if the delta cannot be applied, repeat the GET without A-IM to get the full content.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 226 IM Used\r\n" +
			"ETag: \"v3\"\r\n" +
			"IM: diffe\r\n" +
			"Delta-Base: \"v2\"\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n" +
			"Content-Length: 15\r\n" +
			"\r\n" +
			"3c\nprice: 12\n.\n",
	},
}
