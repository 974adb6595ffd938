"""A web front for the webtunnel and meek tests: a test CA and server certificate made
with the openssl CLI, and nginx (Debian's) terminating TLS on 127.0.0.1 and proxying
chosen locations to plain-HTTP backends, the way a bridge operator or a CDN runs it.
Everything else on the site is an ordinary static page. Standard library only;
loopback only.

    ca = TestCa(workdir)                      # ca.ca_pem, ca.cert_pem, ca.key_pem
    front = Nginx(workdir, ca, locations)     # locations: [("/secret", 11000, "upgrade"),
                                              #             ("/meek/", 11001, "plain")]
    front.port                                # TLS port on 127.0.0.1
    front.stop()
"""
import os
import shutil
import subprocess
import time

import ptproc

INDEX_HTML = b"<!doctype html><html><head><title>Welcome</title></head><body><p>It works.</p></body></html>\n"


class TestCa:
    """A CA and a leaf for the names given (DNS and IP SANs), valid for a day."""

    def __init__(self, workdir, names=("bridge.test", "front.test", "meek.test", "localhost"),
                 ips=("127.0.0.1",)):
        if not shutil.which("openssl"):
            raise RuntimeError("openssl is not installed (run scripts/setup.sh)")
        self.dir = os.path.join(workdir, "ca")
        os.makedirs(self.dir, exist_ok=True)
        self.ca_pem = os.path.join(self.dir, "ca.pem")
        self.ca_key = os.path.join(self.dir, "ca.key")
        self.cert_pem = os.path.join(self.dir, "server.pem")
        self.key_pem = os.path.join(self.dir, "server.key")
        run = lambda *a: subprocess.run(a, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", self.ca_key, "-out", self.ca_pem, "-days", "2", "-subj", "/CN=ptdispatcher test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        csr = os.path.join(self.dir, "server.csr")
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", self.key_pem, "-out", csr, "-subj", "/CN=%s" % names[0])
        ext = os.path.join(self.dir, "ext.cnf")
        sans = ",".join(["DNS:%s" % n for n in names] + ["IP:%s" % i for i in ips])
        with open(ext, "w") as f:
            f.write("subjectAltName=%s\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n" % sans)
        run("openssl", "x509", "-req", "-in", csr, "-CA", self.ca_pem, "-CAkey", self.ca_key, "-CAcreateserial",
            "-out", self.cert_pem, "-days", "1", "-extfile", ext)

    def pin_b64(self):
        """base64 SHA-256 of the leaf certificate (DER)."""
        import base64
        import hashlib
        der = subprocess.run(["openssl", "x509", "-in", self.cert_pem, "-outform", "DER"], check=True,
                             stdout=subprocess.PIPE).stdout
        return base64.b64encode(hashlib.sha256(der).digest()).decode()


class Nginx:
    """nginx in the foreground on 127.0.0.1:<port> (TLS) and <plain_port> (HTTP).
    locations: (path, backend port, kind) with kind "upgrade" (webtunnel: HTTP/1.1 with
    the Upgrade/Connection headers passed and X-Forwarded-For added) or "plain" (meek:
    HTTP/1.1 keep-alive to the backend, Host kept, X-Forwarded-For added).
    http_extra: more directives for the http block; name: its directory (several fronts)."""

    def __init__(self, workdir, ca, locations, port=None, plain_port=None, http_extra="", name="nginx"):
        if not shutil.which("nginx"):
            raise RuntimeError("nginx is not installed (run scripts/setup.sh)")
        self.dir = os.path.join(workdir, name)
        os.makedirs(os.path.join(self.dir, "html"), exist_ok=True)
        with open(os.path.join(self.dir, "html", "index.html"), "wb") as f:
            f.write(INDEX_HTML)
        self.port = port or ptproc.free_port()
        self.plain_port = plain_port or ptproc.free_port()
        blocks = []
        for i, (path, backend, kind) in enumerate(locations):
            if kind == "upgrade":
                extra = ('proxy_set_header Upgrade $http_upgrade;\n'
                         '      proxy_set_header Connection "upgrade";\n'
                         '      proxy_read_timeout 600s;\n')
            else:
                extra = ('proxy_set_header Connection "";\n'
                         '      proxy_buffering off;\n')
            blocks.append("""    location %s {
      proxy_pass http://up%d;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      %s    }
""" % (path, i, extra))
        upstreams = "".join("  upstream up%d { server 127.0.0.1:%d; keepalive 8; }\n" % (i, b)
                            for i, (_, b, _) in enumerate(locations))
        conf = """%s
worker_processes 1;
pid %s/nginx.pid;
error_log %s/error.log info;
events { worker_connections 256; }
http {
  access_log %s/access.log;
  client_body_temp_path %s/body;
  proxy_temp_path %s/proxy;
  fastcgi_temp_path %s/fastcgi;
  uwsgi_temp_path %s/uwsgi;
  scgi_temp_path %s/scgi;
  default_type application/octet-stream;
  client_max_body_size 1m;
  client_body_buffer_size 80k;  # meek bodies (64 KiB) in memory: a temp file costs ~45 ms each
  %s
%s
  server {
    listen 127.0.0.1:%d ssl;
    listen 127.0.0.1:%d;
    server_name bridge.test front.test meek.test localhost;
    ssl_certificate %s;
    ssl_certificate_key %s;
    root %s/html;
    location / { index index.html; }
%s  }
}
""" % ("user root;" if os.geteuid() == 0 else "", self.dir, self.dir, self.dir, self.dir, self.dir, self.dir,
       self.dir, self.dir, http_extra, upstreams, self.port, self.plain_port, ca.cert_pem, ca.key_pem, self.dir,
       "".join(blocks))
        self.conf = os.path.join(self.dir, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(conf)
        self.p = subprocess.Popen(["nginx", "-p", self.dir, "-c", self.conf, "-g", "daemon off;"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if not ptproc.wait_for(lambda: ptproc.listening(self.port) or self.p.poll() is not None, 10) \
                or self.p.poll() is not None:
            err = self.p.stderr.read().decode(errors="replace") if self.p.poll() is not None else ""
            raise RuntimeError("nginx did not start: %s %s" % (err, self.log_tail()))

    def log_tail(self, n=20):
        try:
            with open(os.path.join(self.dir, "error.log")) as f:
                return "".join(f.readlines()[-n:])
        except OSError:
            return ""

    def stop(self):
        ptproc.stop_process(self.p)
        time.sleep(0.1)
