package server

import "net/http"

// addRoutes is the whole URL surface of the service, in one place.
func (s *server) addRoutes(mux *http.ServeMux) {
	mux.HandleFunc("/healthz", s.handleHealth)

	// The test service: any code, the way a correct server sends it.
	mux.HandleFunc("/status/{codes}", s.handleStatus)
	mux.HandleFunc("/status/", s.handleStatusMissing)
	mux.HandleFunc("/random/{list}", s.handleRandom)

	// Codes produced for their real reason.
	mux.HandleFunc("/ratelimit", s.handleRateLimit)
	mux.HandleFunc("/upload", s.handleUpload)
	mux.HandleFunc("/negotiate", s.handleNegotiate)

	// httpbin-compatible endpoints, so existing test suites keep working.
	mux.HandleFunc("/redirect/{n}", s.handleRedirect)
	mux.HandleFunc("/relative-redirect/{n}", s.handleRelativeRedirect)
	mux.HandleFunc("/absolute-redirect/{n}", s.handleAbsoluteRedirect)
	mux.HandleFunc("/redirect-to", s.handleRedirectTo)
	mux.HandleFunc("/delay/{seconds}", s.handleDelay)
	mux.HandleFunc("/basic-auth/{user}/{passwd}", s.handleBasicAuth)
	mux.HandleFunc("/hidden-basic-auth/{user}/{passwd}", s.handleHiddenBasicAuth)
	mux.HandleFunc("/bearer", s.handleBearer)
	mux.HandleFunc("/cache", s.handleCache)
	mux.HandleFunc("/cache/{n}", s.handleCacheFor)
	mux.HandleFunc("/etag/{etag}", s.handleETag)
	mux.HandleFunc("/range/{n}", s.handleRange)
	mux.HandleFunc("/response-headers", s.handleResponseHeaders)
	mux.HandleFunc("/get", s.handleGet)
	mux.HandleFunc("/anything", s.handleAnything)
	mux.HandleFunc("/anything/", s.handleAnything)

	// The catalogue as a JSON API and downloads.
	mux.HandleFunc("/api/v1/codes", s.handleAPICodes)
	mux.HandleFunc("/api/v1/codes/{code}", s.handleAPICode)
	mux.HandleFunc("/api/v1/search", s.handleAPISearch)
	mux.HandleFunc("/api/v1/inspect", s.handleInspect)
	mux.HandleFunc("/api/v1/check", s.handleCheckAPI)
	mux.HandleFunc("/api/v1/openapi.json", s.handleOpenAPI)
	mux.HandleFunc("/codes.json", s.handleCodesJSON)
	mux.HandleFunc("/codes.csv", s.handleCodesCSV)

	// The reference site: / lists every code, /{code} and /{class} are
	// pages, anything else gets the site's 404 page (or JSON error).
	mux.HandleFunc("/search", s.handleSearchPage)
	mux.HandleFunc("/tester", s.handleTester)
	mux.HandleFunc("/check", s.handleCheckPage)
	mux.HandleFunc("/static/{file}", s.handleStatic)
	mux.HandleFunc("/", s.handleIndex)
}
