package lint

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkVerdict asserts what every verdict must satisfy: a zero verdict when
// nothing was found, else a known kind and a Detail that is safe to print.
func checkVerdict(t testing.TB, v bodyVerdict, ok bool, kinds map[string]bool) {
	t.Helper()
	if !ok {
		if v != (bodyVerdict{}) {
			t.Errorf("no finding but a non-zero verdict %+v", v)
		}
		return
	}
	if !kinds[v.Kind] {
		t.Errorf("unknown kind %q", v.Kind)
	}
	if v.Info != (v.Kind == "graphql-errors") {
		t.Errorf("kind %q with Info %v", v.Kind, v.Info)
	}
	d := v.Detail
	if d == "" {
		t.Errorf("kind %q with an empty Detail", v.Kind)
	}
	if len(d) > 200 {
		t.Errorf("Detail is %d bytes: %q", len(d), d)
	}
	if !utf8.ValidString(d) {
		t.Errorf("Detail is not valid UTF-8: %q", d)
	}
	for _, r := range d {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			t.Errorf("Detail holds control character %U: %q", r, d)
			break
		}
	}
}

var softKinds = map[string]bool{
	"success-false": true, "ok-false": true, "status-error": true, "error-object": true,
	"status-number": true, "problem-json": true, "graphql-errors": true,
	"html-error-title": true, "soap-fault": true,
}

var leakKinds = map[string]bool{
	"sql-error": true, "java-stack": true, "python-traceback": true, "go-panic": true,
	"php-error": true, "dotnet-stack": true, "node-stack": true, "ruby-stack": true,
}

type bodyCase struct {
	name   string
	ct     string
	body   string
	kind   string // "" when nothing must be found
	detail string // a substring the Detail must hold
}

// ---------------------------------------------------------------------------
// softError samples

const nginx404 = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n"

const apache500 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>500 Internal Server Error</title>
</head><body>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error or
misconfiguration and was unable to complete
your request.</p>
<hr>
<address>Apache/2.4.58 (Debian) Server at shop.example.org Port 443</address>
</body></html>
`

const tomcat404 = `<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title><style type="text/css">body {font-family:Tahoma,Arial,sans-serif;} h1 {font-size:22px;}</style></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p><hr class="line" /><h3>Apache Tomcat/10.1.19</h3></body></html>`

const cloudflare502 = `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html class="no-js" lang="en-US">
<head>
<title>shop.example.org | 502: Bad gateway</title>
<meta charset="UTF-8" />
</head>
<body><div id="cf-wrapper"><h1><span class="inline-block">Bad gateway</span> <span class="code-label">Error code 502</span></h1></div></body></html>`

const shopifyLike404 = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>
      Page not found
      &ndash; Acme Outdoor Gear
    </title>
    <link rel="stylesheet" href="/assets/theme.css">
  </head>
  <body class="template-404">
    <main><h1>404 Page Not Found</h1><p>The page you requested does not exist.</p></main>
  </body>
</html>`

const h1Only = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><link rel="icon" href="/favicon.ico"></head>
<body><div class="box"><h1 class="big">
  <span>Access</span> Denied
</h1><p>You don't have permission to access "http://www.example.com/admin/" on this server.</p>
<p>Reference #18.7f3e2d17.1714557600.1a2b3c</p></div></body></html>`

const soap11Fault = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <soap:Body>
    <soap:Fault>
      <faultcode>soap:Server</faultcode>
      <faultstring>Server was unable to process request. ---&gt; Object reference not set to an instance of an object.</faultstring>
      <detail />
    </soap:Fault>
  </soap:Body>
</soap:Envelope>`

const soap12Fault = `<?xml version="1.0" ?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">
 <env:Body>
  <env:Fault>
   <env:Code><env:Value>env:Sender</env:Value></env:Code>
   <env:Reason>
    <env:Text xml:lang="en-US">Invalid account number</env:Text>
   </env:Reason>
  </env:Fault>
 </env:Body>
</env:Envelope>`

const wcfFault = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher">a:InternalServiceFault</faultcode><faultstring xml:lang="en-US"><![CDATA[The server was unable to process the request due to an internal error.]]></faultstring></s:Fault></s:Body></s:Envelope>`

const soapOK = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <GetPriceResponse xmlns="http://shop.example.org/prices">
      <Price>1.90</Price>
      <FaultTolerance>high</FaultTolerance>
      <faultcode>none</faultcode>
      <FaultCount>0</FaultCount>
    </GetPriceResponse>
  </soap:Body>
</soap:Envelope>`

// htmlPage wraps a title and some content in an ordinary page.
func htmlPage(title, content string) string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + title + `</title>
<link rel="stylesheet" href="/css/site.css">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/blog/">Blog</a> <a href="/about/">About</a></nav></header>
<main>
<h1>` + title + `</h1>
` + content + `
</main>
<footer><p>&copy; 2024 Example Docs. All rights reserved.</p></footer>
</body>
</html>`
}

var softErrorCases = []bodyCase{
	// JSON: success and ok flags.
	{"success false", "application/json", `{"success": false, "message": "Invalid API key"}`, "success-false", `the body says "success": false`},
	{"success string false", "application/json; charset=utf-8", `{"success":"false","data":null}`, "success-false", `"success": "false"`},
	{"Success pascal case", "application/json", `{"Success":false,"Message":"Customer not found"}`, "success-false", `"Success": false`},
	{"slack ok false", "application/json; charset=utf-8", `{"ok":false,"error":"channel_not_found"}`, "ok-false", `"ok": false`},
	// JSON: status words.
	{"status error", "application/json", `{"status": "error", "message": "Rate limit exceeded, retry in 30 seconds"}`, "status-error", `"status": "error"`},
	{"result FAILED", "application/json", `{"result": "FAILED", "reason": "card declined"}`, "status-error", `"result": "FAILED"`},
	{"outcome ko", "application/json", `{"outcome":"KO","code":"E042"}`, "status-error", `"outcome"`},
	{"status failure", "application/json", `{"status":"failure","errors":["quota exceeded"]}`, "status-error", `"failure"`},
	// JSON: HTTP status numbers.
	{"spring default error", "application/json", `{"timestamp":"2024-05-01T10:22:31.123+00:00","status":500,"error":"Internal Server Error","path":"/api/orders"}`, "status-number", `HTTP status 500 in "status"`},
	{"nestjs statusCode", "application/json", `{"statusCode":404,"message":"Cannot GET /api/v2/users/42","error":"Not Found"}`, "status-number", `HTTP status 404 in "statusCode"`},
	{"code with message", "application/json", `{"code": 401, "message": "Unauthorized: token expired"}`, "status-number", `HTTP status 401 in "code"`},
	{"code with msg", "application/json", `{"code":500,"msg":"system busy"}`, "status-number", `in "code"`},
	{"http_status numeric string", "application/json", `{"http_status": "503", "retry": true}`, "status-number", `HTTP status 503 in "http_status"`},
	{"status line string", "application/json", `{"status": "404 Not Found"}`, "status-number", `HTTP status 404`},
	{"status float", "application/json", `{"status": 502.0}`, "status-number", `HTTP status 502`},
	// JSON: error members.
	{"error object", "application/json", `{"error": {"code": "invalid_request_error", "message": "Missing required param: amount.", "param": "amount"}}`, "error-object", `"error" member: "Missing required param: amount."`},
	{"oauth error string", "application/json;charset=UTF-8", `{"error":"invalid_grant","error_description":"Bad credentials"}`, "error-object", `"invalid_grant"`},
	{"errors array", "application/json", `{"errors": [{"field": "email", "message": "Email is invalid"}]}`, "error-object", `"Email is invalid"`},
	{"errors object", "application/json", `{"errors": {"email": ["has already been taken"]}}`, "error-object", `non-empty "errors" member`},
	{"error true", "application/json", `{"error": true, "message": "Invalid token"}`, "error-object", `"error": true`},
	{"exception string", "application/json", `{"exception": "OrderNotFoundException", "id": 17}`, "error-object", `"exception"`},
	{"vnd json", "application/vnd.acme.v2+json", `{"fault": {"faultstring": "Rate limit quota violation", "detail": {"errorcode": "policies.ratelimit.QuotaViolation"}}}`, "error-object", `"fault" member: "Rate limit quota violation"`},
	// JSON: GraphQL.
	{"graphql partial", "application/json", `{"data": {"user": null}, "errors": [{"message": "Cannot query field \"nmae\" on type \"User\". Did you mean \"name\"?", "locations": [{"line": 3, "column": 5}]}]}`, "graphql-errors", `GraphQL response with 1 error: "Cannot query field \"nmae\"`},
	{"graphql two errors", "application/graphql-response+json", `{"errors":[{"message":"Not authorised"},{"message":"Not authorised"}],"data":null}`, "graphql-errors", `2 errors`},
	// JSON: problem details.
	{"problem with status", "application/problem+json", `{"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit.", "status": 403, "detail": "Your current balance is 30, but that costs 50."}`, "status-number", `HTTP status 403`},
	{"problem without status", "application/problem+json", `{"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit."}`, "problem-json", `problem+json document: "You do not have enough credit."`},
	// JSON sniffed from the body.
	{"untyped json", "", "\n  {\"success\": false}", "success-false", ""},
	{"text/plain json", "text/plain; charset=utf-8", `{"status":"fail","data":{"title":"A title is required"}}`, "status-error", ""},
	{"php json as html", "text/html; charset=UTF-8", `{"success":false,"msg":"Session expired"}`, "success-false", ""},
	{"json with BOM", "application/json", "\xef\xbb\xbf{\"ok\": false}", "ok-false", ""},
	{"hostile error text", "application/json", "{\"error\": \"\\u001b[31mboom\\u202e\\u0000 \\ud800 end\"}", "error-object", "boom"},

	// HTML error pages.
	{"nginx 404", "text/html", nginx404, "html-error-title", `the page title is "404 Not Found"`},
	{"apache 500", "text/html; charset=iso-8859-1", apache500, "html-error-title", `"500 Internal Server Error"`},
	{"tomcat 404", "text/html;charset=utf-8", tomcat404, "html-error-title", `"HTTP Status 404 – Not Found"`},
	{"cloudflare 502", "text/html; charset=UTF-8", cloudflare502, "html-error-title", `502: Bad gateway`},
	{"page not found with site name", "text/html; charset=utf-8", shopifyLike404, "html-error-title", `"Page not found – Acme Outdoor Gear"`},
	{"heading only", "text/html", h1Only, "html-error-title", `the page heading is "Access Denied"`},
	{"untyped doctype", "", "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body></body></html>", "html-error-title", `"Service Unavailable"`},
	{"untyped html tag", "", "<HTML><HEAD><TITLE>403 Forbidden</TITLE></HEAD></HTML>", "html-error-title", `"403 Forbidden"`},
	{"google style", "text/html; charset=UTF-8", `<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error 404 (Not Found)!!1</title><p><b>404.</b> That’s an error.`, "html-error-title", `"Error 404 (Not Found)!!1"`},
	{"oops", "text/html", htmlPage("Oops! Something went wrong", "<p>Please try again later.</p>"), "html-error-title", ""},
	{"laravel whoops", "text/html", htmlPage("Whoops! There was an error.", ""), "html-error-title", ""},
	{"heroku", "text/html", htmlPage("Application Error", ""), "html-error-title", ""},
	{"iis", "text/html", htmlPage("IIS 10.0 Detailed Error - 404.0 - Not Found", ""), "html-error-title", ""},
	{"github style middot", "text/html; charset=utf-8", htmlPage("Page not found &middot; GitHub Pages", ""), "html-error-title", `"Page not found · GitHub Pages"`},
	{"long site name after code", "text/html", htmlPage("404 - Not Found | Springfield Municipal Water and Power Department Customer Portal", ""), "html-error-title", ""},
	{"xhtml", "application/xhtml+xml", htmlPage("Unauthorized", ""), "html-error-title", ""},
	{"markup served as json", "application/json", "<html><head><title>502 Bad Gateway</title></head><body></body></html>", "html-error-title", `"502 Bad Gateway"`},

	// SOAP faults.
	{"soap 1.1 fault", "text/xml; charset=utf-8", soap11Fault, "soap-fault", `the body holds a SOAP Fault: "Server was unable to process request. ---> Object reference`},
	{"soap 1.2 fault", "application/soap+xml; charset=utf-8", soap12Fault, "soap-fault", `"Invalid account number"`},
	{"wcf fault untyped", "", wcfFault, "soap-fault", `"The server was unable to process the request due to an internal error."`},
	{"fault without text", "application/xml", `<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault/></SOAP-ENV:Body></SOAP-ENV:Envelope>`, "soap-fault", ""},

	// Clean JSON.
	{"success true empty errors", "application/json", `{"success": true, "errors": []}`, "", ""},
	{"success true null error", "application/json", `{"success": true, "error": null}`, "", ""},
	{"success true with warning", "application/json", `{"success": true, "error": "partial data"}`, "", ""},
	{"error null", "application/json", `{"error": null}`, "", ""},
	{"error empty string", "application/json", `{"error": ""}`, "", ""},
	{"error false", "application/json", `{"error": false, "items": [1, 2]}`, "", ""},
	{"error empty object", "application/json", `{"error": {}}`, "", ""},
	{"errors empty", "application/json", `{"errors": []}`, "", ""},
	{"errors nulls", "application/json", `{"errors": [null, ""]}`, "", ""},
	{"error zero", "application/json", `{"error": 0, "data": {"id": 7}}`, "", ""},
	{"error none", "application/json", `{"error": "none"}`, "", ""},
	{"status ok", "application/json", `{"status": "ok"}`, "", ""},
	{"status success with error", "application/json", `{"status": "success", "error": "deprecated field used"}`, "", ""},
	{"status 200", "application/json", `{"status": 200, "message": "OK"}`, "", ""},
	{"status 399", "application/json", `{"status": 399}`, "", ""},
	{"status fractional", "application/json", `{"status": 404.5}`, "", ""},
	{"status string not numeric", "application/json", `{"status": "4040"}`, "", ""},
	{"product code", "application/json", `{"code": 404}`, "", ""},
	{"product code with data", "application/json", `{"code": 451, "name": "Widget", "data": []}`, "", ""},
	{"graphql clean", "application/json", `{"data": {"user": {"id": "1"}}, "errors": []}`, "", ""},
	{"top-level array", "application/json", `[{"error": "x"}, {"success": false}]`, "", ""},
	{"nested only", "application/json", `{"data": {"success": false, "error": "inner"}}`, "", ""},
	{"invalid json", "application/json", `{"success": false,`, "", ""},
	{"not json", "application/json", `this is not JSON at all {`, "", ""},
	{"json string", "application/json", `"error"`, "", ""},
	{"deep nesting", "application/json", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "", ""},
	{"deep nesting in member", "application/json", `{"error":` + strings.Repeat("[", 12000) + strings.Repeat("]", 12000) + `}`, "", ""},
	{"message words only", "application/json", `{"message": "Error handling docs", "title": "404 page design"}`, "", ""},
	{"empty body", "application/json", "", "", ""},
	{"nil-like", "", "", "", ""},

	// Clean HTML.
	{"about 404", "text/html", htmlPage("404 Not Found — what the status code means", "<p>A 404 status code says the server found nothing at that URL.</p>"), "", ""},
	{"about 500", "text/html", htmlPage("HTTP 500 Internal Server Error explained", "<p>...</p>"), "", ""},
	{"error handling in go", "text/html", htmlPage("Error handling in Go", "<p>Errors are values.</p>"), "", ""},
	{"how to fix 404", "text/html", htmlPage("How to fix a 404 error", ""), "", ""},
	{"mdn", "text/html", htmlPage("404 Not Found - HTTP | MDN", ""), "", ""},
	{"status code reference", "text/html", htmlPage("404 Not Found — HTTP status code reference", ""), "", ""},
	{"lost and found", "text/html", htmlPage("Lost &amp; Found | City of Springfield", ""), "", ""},
	{"tv series", "text/html", htmlPage("Trial and Error (TV series)", ""), "", ""},
	{"welcome nginx", "text/html", "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head><body><h1>Welcome to nginx!</h1></body></html>", "", ""},
	{"long error-ish title", "text/html", htmlPage("Sorry, the page you were looking for was not found on the site we run here", ""), "", ""},
	{"svg title later", "text/html", "<html><head><title>Acme Store</title></head><body><svg><title>Error</title></svg></body></html>", "", ""},
	{"titlebar element", "text/html", "<html><body><titlebar>404 Not Found</titlebar><h1>Our shop</h1></body></html>", "", ""},
	{"no title", "text/html", "<html><body><p>Not Found</p></body></html>", "", ""},
	{"unclosed title", "text/html", "<html><head><title>Acme", "", ""},
	{"plain text", "text/plain", "404 Not Found", "", ""},

	// Clean XML.
	{"soap without fault", "text/xml", soapOK, "", ""},
	{"closing fault only", "application/xml", "<a></soap:Fault></a>", "", ""},
	{"rss", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Fault lines</title></channel></rss>`, "", ""},
}

func TestSoftError(t *testing.T) { runBodyCases(t, softErrorCases, softError, softKinds) }

func TestSoftErrorLargeJSON(t *testing.T) {
	// Past 64 KiB only the members that end within the first 64 KiB count.
	big := `{"success": false, "items": [` + strings.Repeat(`{"id": "abcdefgh"},`, 8000) + `{"id": "z"}]}`
	if len(big) <= bodyScanLimit {
		t.Fatal("sample too small")
	}
	if v, ok := softError("application/json", []byte(big)); !ok || v.Kind != "success-false" {
		t.Errorf("got %+v, %v", v, ok)
	}
	late := `{"items": [` + strings.Repeat(`{"id": "abcdefgh"},`, 8000) + `{"id": "z"}], "success": false}`
	if v, ok := softError("application/json", []byte(late)); ok {
		t.Errorf("a member past 64 KiB was read: %+v", v)
	}
}

func TestErrorTitle(t *testing.T) {
	yes := []string{
		"404 Not Found", "404", "Error 404", "500 Error", "Error", "Not Found", "Forbidden",
		"Internal Server Error", "Bad Gateway", "503 Service Temporarily Unavailable",
		"HTTP Error 404.0 - Not Found", "Page not found – Acme", "Something went wrong",
		"Oops!", "Unauthorized",
		"The page you were looking for doesn't exist (404)", "Error 500 | Acme Corporation Ltd",
		"429 Too Many Requests", "504 Gateway Time-out", "HTTP Status 500 – Internal Server Error",
	}
	no := []string{
		"", "Home", "Acme Store", "Status", "Welcome", "Just a moment...", "Attention Required! | Cloudflare",
		"404 Not Found — what the status code means", "HTTP 500 Internal Server Error explained",
		"Error handling in Go", "How to fix a 404 error", "HTTP status codes", "List of HTTP status codes - Wikipedia",
		"Why am I getting a 403 Forbidden?", "Found a bug? Report it", "Not quite right", "Server setup guide",
		"Error | My Personal Blog About Cooking", "Lost & Found", "Site under maintenance",
		"Page not found: the ultimate explainer on broken links for designers",
	}
	for _, s := range yes {
		if !bodyErrorTitle(s) {
			t.Errorf("bodyErrorTitle(%q) = false, want true", s)
		}
	}
	for _, s := range no {
		if bodyErrorTitle(s) {
			t.Errorf("bodyErrorTitle(%q) = true, want false", s)
		}
	}
}

// ---------------------------------------------------------------------------
// leak samples

const springBootJSON = `{"timestamp":"2024-05-01T10:22:31.123+00:00","status":500,"error":"Internal Server Error","trace":"java.lang.NullPointerException: Cannot invoke \"com.example.shop.model.Cart.getItems()\" because \"cart\" is null\n\tat com.example.shop.service.CartService.total(CartService.java:57)\n\tat com.example.shop.web.CartController.show(CartController.java:31)\n\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)\n\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)\n","message":"Cannot invoke \"com.example.shop.model.Cart.getItems()\" because \"cart\" is null","path":"/cart"}`

const springLog = `2024-05-01T10:22:31.140Z ERROR 1 --- [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception
java.lang.IllegalStateException: No primary or single unique constructor found for interface java.util.List
	at org.springframework.beans.BeanUtils.getResolvableConstructor(BeanUtils.java:268) ~[spring-beans-6.1.6.jar:6.1.6]
	at org.springframework.web.method.annotation.ModelAttributeMethodProcessor.createAttribute(ModelAttributeMethodProcessor.java:219) ~[spring-web-6.1.6.jar:6.1.6]
`

const tomcatException = `<!doctype html><html lang="en"><head><title>HTTP Status 500 – Internal Server Error</title></head><body><h1>HTTP Status 500 – Internal Server Error</h1><hr class="line" /><p><b>Type</b> Exception Report</p><p><b>Message</b> Cannot invoke &quot;String.length()&quot; because &quot;name&quot; is null</p><p><b>Exception</b></p><pre>java.lang.NullPointerException: Cannot invoke &quot;String.length()&quot; because &quot;name&quot; is null
	com.example.web.HelloServlet.doGet(HelloServlet.java:25)
	jakarta.servlet.http.HttpServlet.service(HttpServlet.java:564)
	org.apache.tomcat.websocket.server.WsFilter.doFilter(WsFilter.java:51)
</pre><p><b>Note</b> The full stack trace of the root cause is available in the server logs.</p><hr class="line" /><h3>Apache Tomcat/10.1.19</h3></body></html>`

const flaskTraceback = `Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1473, in wsgi_app
    response = self.full_dispatch_request()
  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 882, in full_dispatch_request
    rv = self.dispatch_request()
  File "/app/views.py", line 12, in index
    return render_template("index.html", user=user.name)
AttributeError: 'NoneType' object has no attribute 'name'
`

const djangoDebug = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <title>AttributeError
          at /orders/17/</title>
</head>
<body>
<div id="summary">
  <h1>AttributeError
       at /orders/17/</h1>
  <pre class="exception_value">&#x27;NoneType&#x27; object has no attribute &#x27;total&#x27;</pre>
</div>
<div id="pastebinTraceback" class="pastebin">
<textarea cols="140" rows="25" id="traceback_area">Environment:

Request Method: GET
Request URL: http://shop.example.org/orders/17/

Django Version: 5.0.4
Python Version: 3.12.3

Traceback (most recent call last):
  File &quot;/usr/local/lib/python3.12/site-packages/django/core/handlers/exception.py&quot;, line 55, in inner
    response = get_response(request)
  File &quot;/app/orders/views.py&quot;, line 41, in detail
    return render(request, &quot;orders/detail.html&quot;, {&quot;total&quot;: order.total})

Exception Type: AttributeError at /orders/17/
Exception Value: &#x27;NoneType&#x27; object has no attribute &#x27;total&#x27;
</textarea>
</div>
</body>
</html>`

const goHTTPPanic = `2024/05/01 10:00:00 http: panic serving 10.0.0.7:51234: runtime error: invalid memory address or nil pointer dereference
goroutine 34 [running]:
net/http.(*conn).serve.func1()
	/usr/local/go/src/net/http/server.go:1898 +0xbe
panic({0x6d1a40?, 0x9b1c30?})
	/usr/local/go/src/runtime/panic.go:770 +0x132
main.(*server).handleOrder(0xc0000a2000, {0x7a5e40, 0xc0001b6000}, 0xc0001ba000)
	/app/orders.go:57 +0x4a
net/http.HandlerFunc.ServeHTTP(0xc0000b4010?, {0x7a5e40?, 0xc0001b6000?}, 0x0?)
	/usr/local/go/src/net/http/server.go:2166 +0x29
`

const goPlainPanic = `panic: runtime error: index out of range [5] with length 3

goroutine 1 [running]:
main.lookup(...)
	/app/main.go:14
main.main()
	/app/main.go:9 +0x1d
exit status 2
`

const phpUncaught = `<br />
<b>Fatal error</b>:  Uncaught Error: Call to undefined function mysql_connect() in /var/www/html/db.php:4
Stack trace:
#0 /var/www/html/index.php(3): require_once()
#1 {main}
  thrown in <b>/var/www/html/db.php</b> on line <b>4</b><br />
`

const phpWarning = `<!DOCTYPE html><html><head><title>My profile</title></head><body>
<br />
<b>Warning</b>:  Undefined variable $user in <b>/var/www/html/profile.php</b> on line <b>17</b><br />
<h1>Welcome back, </h1></body></html>`

const phpCLI = "PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /srv/app/vendor/composer/ClassLoader.php on line 576\n"

const phpStackOnly = `Something failed.
Stack trace:
#0 /var/www/app/src/Repository/UserRepository.php(88): App\Db->query('SELECT * FROM u...')
#1 /var/www/app/src/Controller/UserController.php(31): App\Repository\UserRepository->find(42)
#2 {main}`

const laravelDebugJSON = `{
    "message": "Call to a member function posts() on null",
    "exception": "Error",
    "file": "/var/www/app/Http/Controllers/UserController.php",
    "line": 42,
    "trace": [
        {
            "file": "/var/www/vendor/laravel/framework/src/Illuminate/Routing/Controller.php",
            "line": 54,
            "function": "show",
            "class": "App\\Http\\Controllers\\UserController",
            "type": "->"
        }
    ]
}`

const aspnetYSOD = `<!DOCTYPE html>
<html>
    <head>
        <title>Object reference not set to an instance of an object.</title>
    </head>
    <body bgcolor="white">
            <span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>
            <h2> <i>Object reference not set to an instance of an object.</i> </h2></span>
            <b> Exception Details: </b>System.NullReferenceException: Object reference not set to an instance of an object.<br><br>
            <b>Stack Trace:</b> <br><br>
            <table width=100% bgcolor="#ffffcc"><tr><td><code><pre>
[NullReferenceException: Object reference not set to an instance of an object.]
   Shop.Web.Cart.Page_Load(Object sender, EventArgs e) in C:\inetpub\shop\Cart.aspx.cs:27
   System.Web.UI.Control.OnLoad(EventArgs e) +95
   System.Web.UI.Page.ProcessRequestMain(Boolean includeStagesBeforeAsyncPoint, Boolean includeStagesAfterAsyncPoint) +1430
</pre></code></td></tr></table>
    </body>
</html>`

const dotnetCore = `System.InvalidOperationException: Sequence contains no elements
   at System.Linq.ThrowHelper.ThrowNoElementsException()
   at System.Linq.Enumerable.First[TSource](IEnumerable` + "`" + `1 source)
   at Shop.Api.Controllers.OrdersController.Get(Int32 id) in /src/Shop.Api/Controllers/OrdersController.cs:line 48
   at lambda_method5(Closure, Object, Object[])
   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncObjectResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)
`

const dotnetNoLines = `Unhandled exception. System.IO.FileNotFoundException: Could not find file '/app/config.json'.
   at Microsoft.Win32.SafeHandles.SafeFileHandle.Open(String fullPath, FileMode mode, FileAccess access, FileShare share, FileOptions options, Int64 preallocationSize)
   at System.IO.File.ReadAllText(String path)
`

const expressStack = `TypeError: Cannot read properties of undefined (reading 'id')
    at /app/routes/orders.js:27:31
    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)
    at next (/app/node_modules/express/lib/router/route.js:149:13)
    at Route.dispatch (/app/node_modules/express/lib/router/route.js:119:3)
`

const expressHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Error</title>
</head>
<body>
<pre>ReferenceError: orderTotal is not defined<br> &nbsp; &nbsp;at Object.&lt;anonymous&gt; (/srv/shop/server.js:12:3)<br> &nbsp; &nbsp;at Module._compile (node:internal/modules/cjs/loader:1369:14)<br> &nbsp; &nbsp;at node:internal/main/run_main_module:28:49</pre>
</body>
</html>`

const nodeJSONStack = `{"name":"Error","message":"connect ECONNREFUSED 127.0.0.1:6379","stack":"Error: connect ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n    at TCPConnectWrap.callbackTrampoline (node:internal/async_hooks:130:17)"}`

const railsLog = `ActiveRecord::RecordNotFound (Couldn't find User with 'id'=42):

app/controllers/users_controller.rb:8:in ` + "`" + `show'
actionpack (7.1.3) lib/action_controller/metal/basic_implicit_render.rb:6:in ` + "`" + `send_action'
`

const ruby34 = `NoMethodError: undefined method 'email' for nil
/app/app/models/user.rb:42:in 'User#notify'
/app/app/controllers/users_controller.rb:19:in 'UsersController#create'
/usr/local/bundle/gems/actionpack-8.0.0/lib/action_controller/metal/basic_implicit_render.rb:8:in 'ActionController::BasicImplicitRender#send_action'
`

const railsPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Action Controller: Exception caught</title>
</head>
<body><header><h1>NoMethodError in UsersController#show</h1></header></body></html>`

// blogAboutErrors is an ordinary article that talks about the things leak
// looks for, once each.
const blogAboutErrors = `<!DOCTYPE html><html><head><title>Five things I learned about Java</title></head><body><article>
<p>Last week our checkout broke with a NullPointerException. It turned out that a
field was never set. The log showed a single frame,</p>
<pre><code>at Foo.bar(Foo.java:1)</code></pre>
<p>which was enough. SQL syntax is easy, and so is reading a Traceback (most recent call last):
it is just a list of calls. When Go code hits a panic: it prints goroutines. A Warning: about
PHP is that it still runs a third of the web. An exception is not always an error.
Our Rails app logs app/models/user.rb:42:in ` + "`save'" + ` when something fails.</p>
<p>Error: nothing here is a real error. We also saw ERROR: nothing interesting.</p>
</article></body></html>`

var leakCases = []bodyCase{
	// Database errors.
	{"mysql", "text/html", `<b>Warning</b>: mysqli::query(): (42000/1064): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''1''' at line 1`, "sql-error", `a database error message: "`},
	{"postgres relation", "text/plain", "ERROR:  relation \"users\" does not exist\nLINE 1: SELECT * FROM users WHERE id = 1\n                      ^\n", "sql-error", `relation \"users\" does not exist`},
	{"postgres syntax", "text/plain", `pq: ERROR:  syntax error at or near "FROM" (SQLSTATE 42601)`, "sql-error", "syntax error at or near"},
	{"rails pg", "text/plain", "ActiveRecord::StatementInvalid (PG::UndefinedTable: ERROR:  relation \"widgets\" does not exist\nLINE 1: SELECT \"widgets\".* FROM \"widgets\"\n", "sql-error", "PG::UndefinedTable"},
	{"pg error class", "text/plain", "PG::ConnectionBad is not it, but PG::SyntaxError: boom", "sql-error", "PG::SyntaxError"},
	{"oracle", "text/html", "<p>java.sql.SQLSyntaxErrorException is hidden, but ORA-00942: table or view does not exist</p>", "sql-error", "ORA-00942: table or view does not exist"},
	{"pdo", "application/json", `{"message":"SQLSTATE[42S02]: Base table or view not found: 1146 Table 'shop.users' doesn't exist"}`, "sql-error", "SQLSTATE[42S02]"},
	{"sql server ole db", "text/html", "<font face=\"Arial\" size=2>Microsoft OLE DB Provider for SQL Server</font> <font face=\"Arial\" size=2>error '80040e14'</font>", "sql-error", "Microsoft OLE DB Provider for SQL Server"},
	{"sql server quotation", "text/html", "<h2><i>Unclosed quotation mark after the character string ''.<br>Incorrect syntax near ''.</i></h2>", "sql-error", "Unclosed quotation mark"},
	{"sqlclient", "text/plain", "Microsoft.Data.SqlClient.SqlException (0x80131904): Invalid object name 'dbo.Orders'.", "sql-error", "SqlException"},
	{"sqlite ruby", "text/plain", "SQLite3::SQLException: no such table: users", "sql-error", "SQLite3::SQLException"},
	{"sqlite python", "text/plain", "sqlite3.OperationalError: no such table: notes", "sql-error", "sqlite3.OperationalError"},
	{"sqlite code", "application/json", `{"error":"SQLITE_ERROR: no such column: emial","errno":1,"code":"SQLITE_ERROR"}`, "sql-error", "SQLITE_ERROR"},
	{"psycopg2", "text/plain", `psycopg2.errors.UndefinedColumn: column "emial" does not exist`, "sql-error", "psycopg2.errors.UndefinedColumn"},
	{"mysql jdbc", "text/plain", "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure", "sql-error", "com.mysql.cj.jdbc.exceptions"},
	{"java.sql", "text/plain", "java.sql.SQLSyntaxErrorException: Table 'shop.orders' doesn't exist", "sql-error", "java.sql.SQLSyntaxErrorException"},
	{"django db utils", "text/plain", "django.db.utils.OperationalError: no such table: blog_post", "sql-error", "django.db.utils.OperationalError"},

	// Java.
	{"spring boot json trace", "application/json", springBootJSON, "java-stack", `a Java stack trace: "java.lang.NullPointerException: Cannot invoke`},
	{"spring log", "text/plain", springLog, "java-stack", "java.lang.IllegalStateException"},
	{"tomcat exception page", "text/html;charset=utf-8", tomcatException, "java-stack", "java.lang.NullPointerException"},
	{"exception in thread", "text/plain", `Exception in thread "main" java.lang.NullPointerException`, "java-stack", `Exception in thread \"main\"`},
	{"caused by", "text/plain", "Wrapped failure.\nCaused by: org.hibernate.exception.ConstraintViolationException: could not execute statement", "java-stack", "Caused by: org.hibernate"},

	// Python.
	{"flask traceback", "text/plain", flaskTraceback, "python-traceback", `a Python traceback: "File \"/app/views.py\", line 12, in index"`},
	{"django debug page", "text/html; charset=utf-8", djangoDebug, "python-traceback", `File \"/app/orders/views.py\", line 41, in detail`},
	{"python in json", "application/json", `{"detail":"Internal error","traceback":"Traceback (most recent call last):\n  File \"/srv/api/main.py\", line 88, in create_item\n    db.add(item)\nValueError: bad"}`, "python-traceback", `main.py\", line 88`},

	// Go.
	{"go net/http panic", "text/plain; charset=utf-8", goHTTPPanic, "go-panic", "http: panic serving 10.0.0.7:51234"},
	{"go plain panic", "text/plain", goPlainPanic, "go-panic", `a Go panic: "panic: runtime error: index out of range [5] with length 3"`},

	// PHP.
	{"php uncaught", "text/html; charset=UTF-8", phpUncaught, "php-error", "Fatal error: Uncaught Error: Call to undefined function mysql_connect() in /var/www/html/db.php:4"},
	{"php warning", "text/html; charset=UTF-8", phpWarning, "php-error", "Warning: Undefined variable $user in /var/www/html/profile.php on line 17"},
	{"php cli", "text/plain", phpCLI, "php-error", "PHP Fatal error: Allowed memory size"},
	{"php stack trace", "text/plain", phpStackOnly, "php-error", "#0 /var/www/app/src/Repository/UserRepository.php(88)"},
	{"laravel debug json", "application/json", laravelDebugJSON, "php-error", `a PHP error: "Error: Call to a member function posts() on null"`},

	// .NET.
	{"aspnet ysod", "text/html; charset=utf-8", aspnetYSOD, "dotnet-stack", `"Server Error in '/' Application`},
	{"aspnet core", "text/plain", dotnetCore, "dotnet-stack", "OrdersController.cs:line 48"},
	{"dotnet without lines", "text/plain", dotnetNoLines, "dotnet-stack", "System.IO.FileNotFoundException"},
	{"ysod bracket only", "text/html", "<pre>[InvalidOperationException: The connection was not closed.]\n   Shop.Data.Db.Open() +120\n</pre>", "dotnet-stack", "[InvalidOperationException"},

	// Node.
	{"express stack", "text/plain", expressStack, "node-stack", `a Node.js stack trace: "TypeError: Cannot read properties of undefined (reading 'id')"`},
	{"express html", "text/html; charset=utf-8", expressHTML, "node-stack", "ReferenceError: orderTotal is not defined"},
	{"node json stack", "application/json; charset=utf-8", nodeJSONStack, "node-stack", "Error: connect ECONNREFUSED"},

	// Ruby.
	{"rails log", "text/plain", railsLog, "ruby-stack", "ActiveRecord::RecordNotFound"},
	{"ruby 3.4 frames", "text/plain", ruby34, "ruby-stack", "/app/app/models/user.rb:42:in 'User#notify'"},
	{"rails exception page", "text/html", railsPage, "ruby-stack", "Action Controller: Exception caught"},

	// Clean.
	{"blog post", "text/html", blogAboutErrors, "", ""},
	{"sql syntax easy", "text/plain", "SQL syntax is easy. SELECT * FROM users; is valid SQL.", "", ""},
	{"single java frame", "text/plain", "at Foo.bar(Foo.java:1)", "", ""},
	{"single ruby frame", "text/plain", "app/models/user.rb:42:in `save'", "", ""},
	{"single dotnet frame", "text/plain", "   at Shop.Api.Program.Main(String[] args) in /src/Program.cs:line 5", "", ""},
	{"node error without frames", "text/plain", "Error: something happened\nat home we fixed it", "", ""},
	{"traceback header only", "text/plain", "Python prints Traceback (most recent call last): before the calls.", "", ""},
	{"goroutine dump without panic", "text/plain", "goroutine 1 [running]:\nmain.main()\n\t/app/main.go:9 +0x1d\n", "", ""},
	{"warning prose", "text/plain", "Warning: this product contains nuts. Made in index.php on Tuesday.", "", ""},
	{"exception mention", "application/json", `{"message": "An exception occurred", "errors": []}`, "", ""},
	{"json without strings", "application/json", `[1, 2, 3, {"a": null}]`, "", ""},
	{"invalid json", "application/json", `{"trace": "Traceback (most recent call last):\n  File \"/a.py\", line 1`, "", ""},
	{"binary body", "application/octet-stream", strings.Repeat("\x00\x01\x02", 100) + flaskTraceback, "", ""},
	{"image type", "image/svg+xml", "<svg><!-- " + flaskTraceback + " --></svg>", "", ""},
	{"empty", "text/plain", "", "", ""},
}

func TestLeak(t *testing.T) { runBodyCases(t, leakCases, leak, leakKinds) }

// runBodyCases runs a classifier over its table: the kind and a piece of
// the detail where one is expected, nothing where none is.
func runBodyCases(t *testing.T, cases []bodyCase, classify func(string, []byte) (bodyVerdict, bool), kinds map[string]bool) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, ok := classify(c.ct, []byte(c.body))
			checkVerdict(t, v, ok, kinds)
			if c.kind == "" {
				if ok {
					t.Fatalf("found %+v, want nothing", v)
				}
				return
			}
			if !ok || v.Kind != c.kind {
				t.Fatalf("got %+v (%v), want kind %q", v, ok, c.kind)
			}
			if !strings.Contains(v.Detail, c.detail) {
				t.Errorf("Detail %q does not hold %q", v.Detail, c.detail)
			}
		})
	}
}

func TestLeakOrder(t *testing.T) {
	// A Java trace whose root cause is a database error is reported as the
	// database error.
	body := "org.springframework.jdbc.BadSqlGrammarException: bad SQL\n" +
		"\tat org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:101)\n" +
		"\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:1541)\n" +
		"Caused by: java.sql.SQLSyntaxErrorException: Unknown column 'emial' in 'where clause'\n"
	v, ok := leak("text/plain", []byte(body))
	if !ok || v.Kind != "sql-error" {
		t.Errorf("got %+v, want sql-error", v)
	}
}

func TestLeakLimits(t *testing.T) {
	// Past 64 KiB nothing is read.
	late := strings.Repeat("All is well here. ", 4000) + flaskTraceback
	if len(late)-len(flaskTraceback) <= bodyScanLimit {
		t.Fatal("sample too small")
	}
	if v, ok := leak("text/plain", []byte(late)); ok {
		t.Errorf("found past 64 KiB: %+v", v)
	}
	// A long line: the quote is cut.
	long := "Exception in thread \"main\" java.lang.IllegalStateException: " + strings.Repeat("x", 5000)
	v, ok := leak("text/plain", []byte(long))
	checkVerdict(t, v, ok, leakKinds)
	if !ok || !strings.HasSuffix(v.Detail, `…"`) {
		t.Errorf("got %+v", v)
	}
}

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", `"plain"`},
		{"  many \t\n spaces  ", `"many spaces"`},
		{"a\x1b[31mb", "\"a\uFFFD[31mb\""},
		{"bad \xff byte", "\"bad \uFFFD byte\""},
		{"bidi \u202e x", "\"bidi \uFFFD x\""},
		{`say "hi" \ bye`, `"say \"hi\" \\ bye"`},
		{strings.Repeat("é", 100), `"` + strings.Repeat("é", 10) + `…"`},
	} {
		limit := 120
		if strings.HasPrefix(c.in, "é") {
			limit = 21
		}
		if got := bodyQuote(c.in, limit); got != c.want {
			t.Errorf("bodyQuote(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// ---------------------------------------------------------------------------
// pageSimilarity

// siteTemplate renders a page of a small documentation site.
func siteTemplate(title, main string) string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>` + title + ` | Riverside Gardening Club</title>
  <link rel="stylesheet" href="/static/site.css">
  <script defer src="/static/menu.js"></script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">Riverside Gardening Club</a>
    <nav>
      <ul>
        <li><a href="/articles/">Articles</a></li>
        <li><a href="/events/">Events and meetings</a></li>
        <li><a href="/allotments/">Allotments</a></li>
        <li><a href="/join/">Join the club</a></li>
        <li><a href="/contact/">Contact us</a></li>
      </ul>
    </nav>
  </header>
  <main class="content">
` + main + `
  </main>
  <footer class="site-footer">
    <p>The Riverside Gardening Club is a volunteer society that meets on the first
    Tuesday of every month in the church hall on Mill Lane.</p>
    <p><a href="/privacy/">Privacy</a> · <a href="/rules/">Club rules</a> · <a href="/feed.xml">News feed</a></p>
  </footer>
</body>
</html>`
}

const articleTomatoes = `<article>
<h1>Growing tomatoes in a cold spring</h1>
<p>Tomatoes are tender plants that sulk when nights are cold, so patience matters more than
any fertiliser. Sow seeds indoors in small pots of fine compost, cover them lightly and keep
them somewhere warm and bright, such as a sunny windowsill above a radiator. When the first
true leaves appear, move each seedling into its own larger pot and bury the stem a little
deeper than before, because tomatoes grow extra roots along a buried stem and become sturdier
for it. Water from below whenever the surface feels dry, and turn the pots every day so the
plants do not lean toward the glass. Before planting outside, harden them off for a week or
two by standing them outdoors during the day and bringing them in at dusk. Wait until the soil
has warmed and the forecast shows no frost, then plant them in a sheltered bed against a
south facing wall. Push in a strong cane beside each plant, tie the main stem loosely with soft
string, and pinch out side shoots that form between the leaves and the stem. Feed weekly with a
potash rich liquid once the first trusses of flowers have set, and keep watering steady to
avoid split fruit and blossom end rot. Pick the fruit as soon as it colours fully.</p>
</article>`

const articleCompost = `<article>
<h1>Making compost that actually rots</h1>
<p>A good heap needs a balance of green material and brown material, enough air, and enough
moisture, and most failed heaps lack one of those. Green material means grass clippings, raw
vegetable peelings, coffee grounds and young weeds without seeds; it is rich in nitrogen and
heats the heap. Brown material means dry leaves, shredded cardboard, straw and woody prunings;
it is rich in carbon and gives the heap structure. Aim for roughly equal volumes of both, mixed
rather than laid in thick layers, because thick layers of clippings turn slimy and smell. Turn
the heap with a fork every few weeks to let air reach the middle, and add water during dry
spells until the contents feel like a wrung out sponge. Avoid cooked food, meat and dairy,
which attract rats, and avoid perennial weeds such as bindweed unless you drown them in a
bucket first. A heap built in autumn is often ready by late spring, when it has shrunk by half
and turned dark, crumbly and sweet smelling. Sieve out anything that has not broken down and
return it to the new heap. Spread the finished compost thinly over beds as a mulch, where worms
will carry it into the soil for you over the following months.</p>
</article>`

// notFound renders the site's not-found page for a path, with a request ID
// and a time, as many sites do.
func notFound(path, requestID, when string) string {
	return siteTemplate("Page not found", `<article>
<h1>We could not find that page</h1>
<p>Sorry, there is nothing at <code>`+path+`</code>. It may have been moved or deleted,
or the address may have been typed wrongly.</p>
<p>Try the <a href="/articles/">list of articles</a> or the search box above.</p>
<p class="small">Request `+requestID+` at `+when+`</p>
</article>`)
}

func TestPageSimilarity(t *testing.T) {
	tomato := siteTemplate("Growing tomatoes", articleTomatoes)
	compost := siteTemplate("Making compost", articleCompost)
	nf1 := notFound("/articles/3f9c1a7e2b6d4058", "req-8d1e0c2f9a", "2024-05-01T10:22:31Z")
	nf2 := notFound("/articles/a07b5e91c4d2f836", "req-1b7f4e2c3d", "2024-05-01T10:22:34Z")
	// The page asked for reflects its own (real-looking) path, the sibling
	// the random one the caller makes up.
	nfOld := notFound("/articles/old-spring-planting-guide", "req-5c2a9e0d7f", "2024-05-01T10:22:30Z")
	nfSibling := notFound("/articles/httpstatus-lint-a07b5e91c4d2f836", "req-1b7f4e2c3d", "2024-05-01T10:22:34Z")
	bareOld := `<html><head><title>Not found: /articles/old-spring-planting-guide</title>` +
		`<link rel="canonical" href="https://garden.example.org/articles/old-spring-planting-guide"></head>` +
		`<body><h1>Not found</h1><p>No page at /articles/old-spring-planting-guide. Go <a href="/">home</a>.</p></body></html>`
	bareSibling := `<html><head><title>Not found: /articles/httpstatus-lint-a07b5e91c4d2f836</title>` +
		`<link rel="canonical" href="https://garden.example.org/articles/httpstatus-lint-a07b5e91c4d2f836"></head>` +
		`<body><h1>Not found</h1><p>No page at /articles/httpstatus-lint-a07b5e91c4d2f836. Go <a href="/">home</a>.</p></body></html>`
	jsonOld := `{"error":"not_found","message":"No route matches GET /api/v1/orders/latest","requestId":"4f1c2e9a","timestamp":"2024-05-01T10:22:30Z"}`
	jsonSibling := `{"error":"not_found","message":"No route matches GET /api/v1/orders/httpstatus-lint-a07b5e91c4d2f836","requestId":"9b0a7d11","timestamp":"2024-05-01T10:22:34Z"}`

	for _, c := range []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"identical", tomato, tomato, 1, 1},
		{"both empty", "", "", 1, 1},
		{"one empty", "", "<html></html>", 0, 0},
		{"not-found pages for two random paths", nf1, nf2, 0.9, 1},
		{"not-found pages for a real and a random path", nfOld, nfSibling, 0.9, 1},
		{"bare not-found pages", bareOld, bareSibling, 0.9, 1},
		{"json not-found bodies", jsonOld, jsonSibling, 0.9, 1},
		{"two articles on one template", tomato, compost, 0, 0.5},
		{"article and not-found page", tomato, nf1, 0, 0.5},
		{"short reflecting pages", "Not found: /x/4f1c2e", "Not found: /x/9b0a7d", 1, 1},
		{"short different pages", "Not found", "Forbidden", 0, 0},
		{"numbers are noise", "12345", "67890", 1, 1},
		{"words around numbers differ", "Order 12345 shipped", "Order 67890 cancelled", 0, 0.5},
		{"binary", "\x00\x01\x02\x03\x04", "\x00\x01\x02\x09\x09", 0.1, 0.9},
		{"whitespace only differs", "<p>Hello world, how are you</p>", "<p>Hello  world,\nhow are you</p>\n", 1, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := pageSimilarity([]byte(c.a), []byte(c.b))
			if s < c.min || s > c.max {
				t.Errorf("similarity %.3f, want in [%.2f, %.2f]", s, c.min, c.max)
			}
			if r := pageSimilarity([]byte(c.b), []byte(c.a)); r != s {
				t.Errorf("not symmetric: %v and %v", s, r)
			}
		})
	}
	if s := pageSimilarity(nil, nil); s != 1 {
		t.Errorf("nil, nil: %v", s)
	}
	if s := pageSimilarity(nil, []byte{}); s != 1 {
		t.Errorf("nil, empty: %v", s)
	}
}

func TestPageSimilarityLarge(t *testing.T) {
	// Bodies that agree in their first 64 KiB are the same page.
	head := bytes.Repeat([]byte("lorem ipsum dolor sit amet "), 3000)
	a := append(append([]byte{}, head...), "first ending"...)
	b := append(append([]byte{}, head...), "another ending altogether"...)
	if s := pageSimilarity(a, b); s != 1 {
		t.Errorf("similarity %v, want 1", s)
	}
	// Many distinct words: bounded and sane.
	var sb strings.Builder
	for i := 0; sb.Len() < 200<<10; i++ {
		fmt.Fprintf(&sb, "w%c%c ", 'a'+i%26, 'a'+i/26%26)
	}
	s := pageSimilarity([]byte(sb.String()), []byte(sb.String()[1:]))
	if s < 0 || s > 1 || math.IsNaN(s) {
		t.Errorf("similarity %v", s)
	}
}

// ---------------------------------------------------------------------------
// fuzzing

func FuzzSoftError(f *testing.F) {
	for _, c := range softErrorCases {
		if len(c.body) < 4096 {
			f.Add(c.ct, []byte(c.body))
		}
	}
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		v, ok := softError(ct, body)
		checkVerdict(t, v, ok, softKinds)
	})
}

func FuzzLeak(f *testing.F) {
	for _, c := range leakCases {
		if len(c.body) < 4096 {
			f.Add(c.ct, []byte(c.body))
		}
	}
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		v, ok := leak(ct, body)
		checkVerdict(t, v, ok, leakKinds)
	})
}

func FuzzPageSimilarity(f *testing.F) {
	f.Add([]byte(""), []byte(""))
	f.Add([]byte("Not found: /x/4f1c2e"), []byte("Not found: /x/9b0a7d"))
	f.Add([]byte(nginx404), []byte(apache500))
	f.Add([]byte(articleTomatoes), []byte(articleCompost))
	f.Add([]byte("\x00\x01\x02\x03"), []byte("\xff\xfe"))
	f.Add([]byte("é ü ß"), []byte("É Ü SS"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		s := pageSimilarity(a, b)
		if math.IsNaN(s) || s < 0 || s > 1 {
			t.Fatalf("similarity %v", s)
		}
		if r := pageSimilarity(b, a); r != s {
			t.Fatalf("not symmetric: %v and %v", s, r)
		}
		if aa := pageSimilarity(a, a); aa != 1 {
			t.Fatalf("similarity with itself %v", aa)
		}
		if bytes.Equal(a, b) && s != 1 {
			t.Fatalf("equal bodies, similarity %v", s)
		}
	})
}
