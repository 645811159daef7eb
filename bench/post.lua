-- wrk script: POST a form with the signed-in cookie and the antiforgery token from the environment.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or ""
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") or ""
wrk.headers["RequestVerificationToken"] = os.getenv("BENCH_TOKEN") or ""
