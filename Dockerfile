# The httpstatus service as a container. Public deployments turn the
# per-IP rate limit on (HTTPSTATUS_RATE_LIMIT); every other limit keeps its
# default. Give a public instance the address its clients use, so that
# absolute redirects never come from the Host header:
# Build: docker build -t httpstatus .
# Run:   docker run -p 8080:8080 -e HTTPSTATUS_PUBLIC_URL=https://httpstatus.example httpstatus
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/httpstatus ./cmd/httpstatus

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/httpstatus /httpstatus
ENV HTTPSTATUS_ADDR=:8080 \
    HTTPSTATUS_RATE_LIMIT=20 \
    HTTPSTATUS_LOG_FORMAT=json
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/httpstatus", "serve"]
