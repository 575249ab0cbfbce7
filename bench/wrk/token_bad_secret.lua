-- wrk: the reject path — the peer benchmark's token request with a wrong client secret.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials&client_id=bench-client" ..
           "&client_secret=wrong-secret-0123456789abcdef" ..
           "&scope=dex.read%20dex.write&acr_values=orgselected%3A123456"
