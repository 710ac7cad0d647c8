"""A small load driver for the fault suite: readers fetch pages, writers (each a member, signed up first) reply to the
demo thread's first post through the reply form; every response is logged as "unix_time,kind,status,text" so
acknowledged replies can be checked against the database afterwards.
Usage: load.py BASE_URL SECONDS READERS WRITERS PARENT_POST_ID OUT_CSV"""
import http.cookiejar, re, sys, threading, time, urllib.error, urllib.parse, urllib.request

base, seconds, readers, writers, parent, out = \
    sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
reply_form = f"/t/scheming-ais/reply?to={parent}"
pages = ["/", "/t/scheming-ais", "/t/scheming-ais/outline", "/api/threads/scheming-ais", "/healthz"]
password = "Tested-passphrase-42"
end = time.time() + seconds
lock = threading.Lock()
rows = []

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None

def record(kind, status, name=""):
    with lock:
        rows.append(f"{time.time():.3f},{kind},{status},{name}")

def call(opener, url, data=None):
    try:
        with opener.open(url, data=data, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""
    except Exception:
        return 0, ""  # refused or timed out at the socket: no HTTP answer at all

def reader(i):
    opener = urllib.request.build_opener(NoRedirect())
    n = 0
    while time.time() < end:
        page = pages[n % len(pages)]
        status, _ = call(opener, base + page)
        record("read", status, page)
        n += 1

def token_of(body):
    match = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]*)"', body)
    return match.group(1) if match else None

def writer(i):
    opener = urllib.request.build_opener(NoRedirect(), urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    name = f"f{int(end)}w{i}"
    signed_up = False
    n = 0
    while time.time() < end:
        if not signed_up:  # until the member exists and is signed in (the database may be down meanwhile)
            status, body = call(opener, base + "/account/register")
            token = token_of(body) if status == 200 else None
            if token:
                data = urllib.parse.urlencode({"__RequestVerificationToken": token, "Input.UserName": name,
                    "Input.Email": name + "@example.org", "Input.Password": password, "Input.ConfirmPassword": password}).encode()
                status, _ = call(opener, base + "/account/register", data)
            record("signup", status, name)
            signed_up = status == 302
            if not signed_up:
                time.sleep(0.2)
            continue
        status, body = call(opener, base + reply_form)
        token = token_of(body) if status == 200 else None
        if not token:
            record("write-form", status)
            time.sleep(0.2)
            continue
        text = f"fault-write-{int(end)}-w{i}-n{n}"
        n += 1
        data = urllib.parse.urlencode({"__RequestVerificationToken": token, "Input.ParentId": parent, "Input.Body": text}).encode()
        status, _ = call(opener, base + "/t/scheming-ais/reply", data)
        record("write", status, text)

threads = [threading.Thread(target=reader, args=(i,)) for i in range(readers)] + \
          [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
for t in threads: t.start()
for t in threads: t.join()
with open(out, "w") as f:
    f.write("\n".join(rows) + "\n")
