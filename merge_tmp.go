package httpstatus

// Temporary while the 4xx and unofficial files are written in two parts.
var clientErrorCodes = append(clientErrorCodes1, clientErrorCodes2...)
var unofficialCodes = append(unofficialCodes1, unofficialCodes2...)
