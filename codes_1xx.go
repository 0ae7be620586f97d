package httpstatus

// informationalCodes are the registered 1xx codes (RFC 9110 §15.2 and the
// documents the registry names for 102, 103 and 104), in numeric order.
// Every 1xx is an interim response: it ends with its header section, a
// final response follows on the same request (except after 101), and no 1xx
// may be sent to an HTTP/1.0 client.
var informationalCodes = []Status{
	{
		Code:     100,
		Phrase:   "Continue",
		Class:    Informational,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.2.1", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.2.1"},
		Summary:  "The server has received the request headers, has not rejected the request, and invites the client to send the body.",
		Description: "A client about to upload a large body can send `Expect: 100-continue` with its headers and hold the body back. " +
			"The server then answers at once: 100 Continue to ask for the body, or a final status (401, 413, 415, 417...) when the headers " +
			"alone show that the request will fail, so that a doomed upload never leaves the client. RFC 9110 requires an origin server that " +
			"gets this expectation to reply without waiting for the content, and a server that sent 100 must still send a final response " +
			"once the body has been handled. " +
			"Clients need not wait forever for the 100: curl, for example, sends the body anyway after about a second (`--expect100-timeout`). " +
			"A 100 that nobody asked for can simply be discarded, and like every 1xx it must never be sent to an HTTP/1.0 client.",
		Causes: []Advice{
			{ForClient, "Your client sent `Expect: 100-continue`: curl does it for large POST and PUT uploads, .NET Framework's HttpWebRequest does it by default (ServicePointManager.Expect100Continue), and many S3 clients do it for object uploads."},
			{ForServer, "Your server or framework answers the expectation for you: Go's net/http writes `100 Continue` the first time a handler reads the request body, and Node.js does so unless you listen for the 'checkContinue' event."},
			{ForAnyone, "A reverse proxy or load balancer between client and origin relayed the origin's 100, or produced one itself while it buffers the upload."},
		},
		Fixes: []Advice{
			{ForClient, "Nothing is wrong: send the body and wait for the final status. If a server or proxy stalls on the expectation, turn it off (`curl -H 'Expect:'`, or `ServicePointManager.Expect100Continue = false` in .NET Framework)."},
			{ForServer, "Check authentication, Content-Length and Content-Type before reading the body, so that a request that will fail gets its final error instead of 100 and the client does not upload for nothing."},
			{ForServer, "When you send a final status without reading the body, say whether you will close the connection (`Connection: close`) or read and discard the body, as RFC 9110 recommends."},
		},
		Related: []Relation{
			{417, "A server that cannot meet the Expect value answers 417 Expectation Failed; 100 is the answer when it can and wants the body."},
			{413, "The classic reason to refuse instead of sending 100: Content-Length already shows that the body is too large."},
			{401, "Checking credentials before reading the body lets the server send 401 instead of 100 and spares the client the upload."},
		},
		Headers: []Header{
			{"Expect", Optional, Always, "A request header: `Expect: 100-continue` is what asks for this interim response; a 100 sent without it can be ignored."},
		},
		Body:   BodyForbidden,
		Retry:  "Nothing to retry: 100 is interim, so send the body on the same request and wait for the final response.",
		SentBy: []Sender{SentByOrigin, SentByProxy},
		Example: "HTTP/1.1 100 Continue\r\n" +
			"\r\n" +
			"HTTP/1.1 201 Created\r\n" +
			"Location: /uploads/42\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:     101,
		Phrase:   "Switching Protocols",
		Class:    Informational,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 9110", Section: "15.2.2", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.2.2"},
		Summary:  "The server accepts the client's Upgrade request, and right after this response the connection carries a different protocol.",
		Description: "A client proposes a change of protocol with the Upgrade request header; in practice this is almost always `Upgrade: websocket` " +
			"during a WebSocket handshake. A server that agrees answers 101 and MUST name the protocol now in use in its own Upgrade header; " +
			"it MUST NOT switch to a protocol the client did not offer, and it is free to ignore Upgrade and answer normally instead. " +
			"Because Upgrade only concerns this connection, the response also carries `Connection: upgrade`. " +
			"Everything after the blank line that ends the 101 belongs to the new protocol, so no final HTTP response follows on that connection. " +
			"The mechanism exists only in HTTP/1.1: HTTP/2 and HTTP/3 have no 101, and WebSockets over them start with an extended CONNECT " +
			"request (RFC 8441, RFC 9220) that succeeds with 200.",
		Causes: []Advice{
			{ForClient, "Your client opened a WebSocket: it sent `Upgrade: websocket`, `Connection: Upgrade`, `Sec-WebSocket-Key` and `Sec-WebSocket-Version: 13`, and the server accepted."},
			{ForAnyone, "A client offered another protocol on an HTTP/1.1 connection, such as cleartext HTTP/2 (`Upgrade: h2c`), and the server took up the offer."},
		},
		Fixes: []Advice{
			{ForClient, "Nothing to fix: start speaking the new protocol. If you wanted an ordinary HTTP response, do not send Upgrade."},
			{ForServer, "When WebSockets fail behind a reverse proxy, make it pass the upgrade on; in nginx: `proxy_http_version 1.1;`, `proxy_set_header Upgrade $http_upgrade;`, `proxy_set_header Connection \"upgrade\";`, and a long enough `proxy_read_timeout` for idle sockets."},
			{ForClient, "If the handshake gets 200, 400, 403 or 426 instead of 101, check the URL (ws:// or wss://), the Origin the server accepts, and whether a proxy removed the Upgrade header."},
		},
		Related: []Relation{
			{426, "426 Upgrade Required is the reverse situation: the server demands a protocol change the client did not ask for (WebSocket servers also use it for an unsupported Sec-WebSocket-Version)."},
			{400, "A malformed WebSocket handshake, such as one without Sec-WebSocket-Key, is refused, usually with 400, instead of 101."},
			{200, "Over HTTP/2 and HTTP/3 a WebSocket is accepted with 200 to an extended CONNECT, because 101 does not exist there."},
		},
		Headers: []Header{
			{"Upgrade", Required, Always, "Names the protocol the connection switches to (several are listed lowest layer first), as RFC 9110 §7.8 requires."},
			{"Connection", Required, Always, "Must contain the `upgrade` option whenever Upgrade is sent, so that intermediaries do not forward the Upgrade field."},
			{"Sec-WebSocket-Accept", Optional, Always, "WebSocket only: a hash of the client's Sec-WebSocket-Key that proves the server understood the handshake (RFC 6455 §4.2.2)."},
		},
		Body:   BodyForbidden,
		Retry:  "Not applicable: after 101 the connection belongs to the new protocol; start a new handshake only when that session ends.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 101 Switching Protocols\r\n" +
			"Upgrade: websocket\r\n" +
			"Connection: Upgrade\r\n" +
			"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n" +
			"\r\n",
	},
	{
		Code:         102,
		Phrase:       "Processing",
		Class:        Informational,
		Registry:     Permanent,
		Deprecated:   true,
		RegistryNote: "Still registered, with RFC 2518 as its reference, but RFC 4918 (2007) removed 102 from WebDAV because it was rarely implemented. New servers should not send it: long-running work is better answered with 202 Accepted and a status resource.",
		Spec:         Spec{Document: "RFC 2518", Section: "10.1", URL: "https://www.rfc-editor.org/rfc/rfc2518.html#section-10.1"},
		Summary:      "The server has received the complete request and is still working on it; a final response will follow.",
		Description: "RFC 2518, the first WebDAV specification, added 102 for methods that can run for a long time, such as a COPY or MOVE of a large " +
			"collection with `Depth: infinity`. It said to send it only when a request was expected to take significant time (about 20 seconds " +
			"was given as a guide), so that the client would not assume the request was lost, and it required a final response once the work " +
			"was done. The code carries no progress information, only a sign of life. " +
			"RFC 4918 dropped it for lack of implementations, so it is deprecated in practice although the registry still lists it. " +
			"Clients must still be able to parse it like any 1xx, and may ignore it.",
		Causes: []Advice{
			{ForServer, "A WebDAV server or a framework that still exposes 102 (Node.js has `response.writeProcessing()`) is signalling that a slow request is still running."},
		},
		Fixes: []Advice{
			{ForClient, "Keep waiting for the final status on the same request, and raise your read timeout if the operation is known to be slow."},
			{ForServer, "Do not rely on 102 to keep a connection alive: answer slow operations with 202 Accepted and a status URL the client can poll."},
		},
		Related: []Relation{
			{202, "202 Accepted is the modern answer to slow work: reply at once and let the client poll a status resource."},
			{103, "103 Early Hints is the interim code in real use today, but it carries preload hints, not progress."},
			{504, "A gateway that hears nothing from a slow origin eventually answers 504; 102 was meant to prevent such timeouts, but an intermediary that ignores it can still give up."},
			{207, "WebDAV operations on many resources, the ones 102 was made for, usually end with a 207 Multi-Status."},
		},
		Body:   BodyForbidden,
		Retry:  "Not applicable: 102 is interim; keep waiting for the final response to the same request.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 102 Processing\r\n" +
			"\r\n" +
			"HTTP/1.1 102 Processing\r\n" +
			"\r\n" +
			"HTTP/1.1 201 Created\r\n" +
			"Location: /archive/2026/\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
	{
		Code:     103,
		Phrase:   "Early Hints",
		Class:    Informational,
		Registry: Permanent,
		Spec:     Spec{Document: "RFC 8297", Section: "2", URL: "https://www.rfc-editor.org/rfc/rfc8297.html#section-2"},
		Summary:  "An interim response carrying header fields, mainly Link preload and preconnect hints, that the final response is expected to have, so the client can start fetching while the server is still working.",
		Description: "Producing a page can take a while (database queries, calls to other services), yet the server often knows early which stylesheets, " +
			"scripts, fonts and third-party origins the page will need. RFC 8297, an Experimental RFC, lets it send those at once as Link " +
			"header fields in a 103, then the final response when it is ready; it may send several 103s, and they may carry only some of the " +
			"final header fields. The hints are advice only: apart from speeding things up they must not change how the final response is " +
			"processed, and a client must not treat the 103's fields as belonging to the final response or as metadata of the 103 itself. " +
			"Browsers act only on `rel=preconnect`, `rel=preload` and `rel=modulepreload` links, only for top-level page navigations, and " +
			"Chrome uses only the first 103 of a navigation and only over HTTP/2 and HTTP/3.\n\n" +
			"RFC 9110 requires every HTTP/1.1 client to parse a 1xx it did not expect and allows it to discard it, so a client that does not " +
			"know 103 should skip it and wait for the final response. The risk is old clients and proxies that take the 103 for the final " +
			"response: RFC 8297 warns that they may then misread everything that follows on the connection, so servers often send early hints " +
			"only over HTTP/2 and HTTP/3 or to clients known to cope.",
		Causes: []Advice{
			{ForServer, "Your server, framework or CDN sends early hints: Node.js `response.writeEarlyHints()`, Rails `send_early_hints` with Puma, the H2O server, or Cloudflare's Early Hints feature, which replays Link headers seen on earlier responses."},
			{ForClient, "You are looking at raw traffic (`curl -v`, a debugging proxy, a HAR file): browsers consume 103 silently and show only the final response."},
		},
		Fixes: []Advice{
			{ForServer, "Hint only resources that the final page really uses, and repeat the Link headers on the final response; a preload that is never used wastes bandwidth and makes Chrome log a warning."},
			{ForServer, "Send early hints over HTTP/2 or HTTP/3: Chrome ignores 103 on HTTP/1.1 connections, and older HTTP/1.1 clients may mishandle it."},
			{ForClient, "If an old HTTP/1.1 client or proxy breaks on the 103 (treating it as the final response), upgrade it, or ask the operator to send hints only over HTTP/2 and HTTP/3."},
		},
		Related: []Relation{
			{100, "The other common interim response: 100 concerns the request body, 103 the resources the response will need."},
			{200, "The final response that normally follows the hints, and which should carry the same Link headers."},
		},
		Headers: []Header{
			{"Link", Recommended, Always, "One or more hints such as `</app.css>; rel=preload; as=style` or `<https://cdn.example.com>; rel=preconnect`; browsers act only on preconnect, preload and modulepreload."},
		},
		Body:   BodyForbidden,
		Retry:  "Not applicable: 103 is interim; keep waiting for the final response.",
		SentBy: []Sender{SentByOrigin, SentByCDN, SentByProxy},
		Example: "HTTP/1.1 103 Early Hints\r\n" +
			"Link: </app.css>; rel=preload; as=style\r\n" +
			"Link: <https://cdn.example.com>; rel=preconnect\r\n" +
			"\r\n" +
			"HTTP/1.1 200 OK\r\n" +
			"Content-Type: text/html; charset=utf-8\r\n" +
			"Link: </app.css>; rel=preload; as=style\r\n" +
			"Content-Length: 70\r\n" +
			"\r\n" +
			"<!doctype html><link rel=stylesheet href=/app.css><title>Shop</title>\n",
	},
	{
		Code:     104,
		Phrase:   "Upload Resumption Supported",
		Class:    Informational,
		Registry: Temporary,
		Expires:  "2026-11-13",
		RegistryNote: "Temporary registration: registered 2024-11-13, extended 2025-09-15, expires 2026-11-13 unless renewed. " +
			"Defined by draft-ietf-httpbis-resumable-upload-05, an Internet-Draft of the IETF HTTP working group that is not yet an RFC.",
		Spec:    Spec{Document: "draft-ietf-httpbis-resumable-upload-05", URL: "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-resumable-upload-05"},
		Summary: "An interim response telling a client in the middle of an upload that the server supports resumable uploads, normally with the URL of an upload resource to resume from if the transfer breaks.",
		Description: "The resumable-upload draft lets a client turn an ordinary POST or PUT into a resumable one by adding the `Upload-Complete` " +
			"header. A server that agrees creates an upload resource and SHOULD announce it straight away with a 104 whose Location points to it; " +
			"later 104s may report progress with Upload-Offset and must then leave Location out. If the connection drops, the client asks the " +
			"upload resource how many bytes arrived (HEAD, answered with Upload-Offset), sends the rest with PATCH, and finally gets the response " +
			"the original request would have produced. " +
			"While the protocol is a draft, both sides exchange `Upload-Draft-Interop-Version` (6 for draft -05), and a server MUST NOT send " +
			"104 when the client's version is missing or different. A client that knows nothing of 104 skips it like any 1xx and the upload " +
			"simply goes on without the ability to resume.",
		Causes: []Advice{
			{ForClient, "Your client offered a resumable upload: Apple's URLSession adds the draft's headers to uploads on iOS 17 and later (`Upload-Draft-Interop-Version` with `Upload-Complete`, or the older `Upload-Incomplete` on iOS 17), and other clients can do the same."},
			{ForServer, "Your server implements the draft (for example tusd's experimental IETF protocol support or SwiftNIO's resumable-upload module) and offered resumption for this upload."},
		},
		Fixes: []Advice{
			{ForClient, "Keep the Location of the 104: if the upload breaks, send HEAD to it for Upload-Offset and resume with PATCH (`Content-Type: application/partial-upload` and a matching Upload-Offset) instead of starting over."},
			{ForServer, "Send 104 only when the request carries the interop version you implement, make upload URLs hard to guess and check that only the uploader can use them, and expire abandoned uploads."},
			{ForAnyone, "If resumption never works behind a proxy or CDN, check that it forwards 1xx responses: one that drops the 104 leaves the client without the upload URL."},
		},
		Related: []Relation{
			{100, "Both are interim responses about a request body: 100 only invites the client to send it, 104 lets the client resume it later."},
			{201, "A client that creates an upload without sending all the data (`Upload-Complete: ?0`) gets the upload resource in a 201's Location instead."},
			{409, "An append whose Upload-Offset does not match the server's offset is refused with 409 Conflict, carrying the correct offset."},
			{206, "Range requests answered with 206 are the download-side counterpart: resuming a transfer from server to client."},
		},
		Headers: []Header{
			{"Location", Recommended, FirstInterim, "The upload resource to resume from; sent in the first 104 and left out of later progress 104s."},
			{"Upload-Draft-Interop-Version", Required, Always, "Draft implementations MUST echo the interop version (6 for draft -05) in every 104; the field will disappear in the final RFC."},
			{"Upload-Offset", Optional, Always, "In progress 104s, the number of bytes received so far."},
			{"Upload-Limit", Optional, Always, "Limits that apply to the upload, such as `max-size`."},
		},
		Body:   BodyForbidden,
		Retry:  "Not applicable: 104 is interim; if the upload later fails with a 5xx or a dropped connection, resume at the Location instead of resending everything.",
		SentBy: []Sender{SentByOrigin},
		Example: "HTTP/1.1 104 Upload Resumption Supported\r\n" +
			"Upload-Draft-Interop-Version: 6\r\n" +
			"Location: /uploads/b530ce8ff\r\n" +
			"\r\n" +
			"HTTP/1.1 201 Created\r\n" +
			"Location: /photos/42\r\n" +
			"Content-Length: 0\r\n" +
			"\r\n",
	},
}
