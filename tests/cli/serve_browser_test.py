#!/usr/bin/python3
"""`jixiao serve` in a real browser: Debian's headless Chromium driven by Selenium against a server
started here. Uploads sample workbooks, waits for the summary, checks the counts and one finding's
cell (samples/manifest.json: err08's 收入总计 at C36 of 公开01表), opens the sheet around it, downloads
the .zip and reads it; a second batch in the same server does not see the first's files; names
cannot leave the session's directory; stopping the server removes every upload. Screenshots go to
SCRATCH (summary.png, finding.png). Usage: serve_browser_test.py JIXIAO SAMPLES SCRATCH. Exit 77:
Chromium, chromium-driver or python3-selenium is not installed."""
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

jixiao, samples, scratch = sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve()
chromium = shutil.which("chromium")
driver_path = shutil.which("chromedriver")
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    chromium = None
if not chromium or not driver_path:
    print("chromium、chromium-driver 或 python3-selenium 不在：跳过")
    sys.exit(77)

shutil.rmtree(scratch, ignore_errors=True)
scratch.mkdir(parents=True)
tmp = scratch / "tmp"  # the server's $TMPDIR: its uploads must be gone when it stops
tmp.mkdir()
folder = samples / "openpyxl"
# One department's 2022 公开01 (err08, with its mistake) and 2021 tables, and self-evaluations.
uploads = ["err08_公开01_收入总计不等于支出总计.xlsx", "001_剑阁县医保局_2021_部门决算公开九表.xlsx",
           "003_附件1.1_机关建设及日常保障经费.xlsx", "err01_附件1.1_自评得分91.98.xlsx",
           "000_攀枝花医保事务中心_2021_项目支出绩效自评表.xlsx", "err13_国家版_总分错.xlsx"]
# And seed 001's published report, audited against the batch's 2022 tables of its department.
report = Path(__file__).resolve().parent.parent / "fixtures" / "reports" / "seed001-python-docx.docx"
manifest = {v["file"]: v for v in json.load(open(samples / "manifest.json", encoding="utf-8"))["variants"]}

server = subprocess.Popen([jixiao, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "TMPDIR": str(tmp)})
line = server.stdout.readline()
url = line[line.index("http://"):].strip()
root = url[:url.index("/s/")]
print("server:", url)


def fetch(path, data=None, method=None):
    req = urllib.request.Request(path if path.startswith("http") else url + path, data=data, method=method)
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, r.read()


def status_of(path):
    try:
        return fetch(path)[0]
    except urllib.error.HTTPError as e:
        return e.code


browser = None
failed = True
try:
    # Without the token there is nothing to see.
    assert status_of(root + "/") == 403
    assert status_of(root + "/s/" + "0" * 32 + "/") == 404
    assert status_of(url) == 200

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100", "--lang=zh-CN"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    browser.get(url)
    WebDriverWait(browser, 20).until(lambda b: b.execute_script("return session !== null"))
    browser.find_element(By.ID, "pick-files").send_keys("\n".join([str(folder / f) for f in uploads] + [str(report)]))
    uploads.append(report.name)
    browser.find_element(By.ID, "start").click()
    WebDriverWait(browser, 180).until(lambda b: b.find_element(By.ID, "results").is_displayed())
    browser.save_screenshot(str(scratch / "summary.png"))

    # The summary: every upload counted once, the 剑阁 department's rows with errors.
    rows = browser.find_elements(By.CSS_SELECTOR, "#summary-table tbody tr")
    cells = [[td.text for td in r.find_elements(By.TAG_NAME, "td")] for r in rows]
    assert sum(int(c[2]) for c in cells) == len(uploads), cells
    assert any("剑阁" in c[0] and c[1] == "2022" and int(c[5]) > 0 for c in cells), cells
    # Sorting by 错误 puts the row with most errors first.
    browser.find_element(By.CSS_SELECTOR, "th[data-key=errors]").click()
    browser.find_element(By.CSS_SELECTOR, "th[data-key=errors]").click()
    first = browser.find_element(By.CSS_SELECTOR, "#summary-table tbody tr td.errors").text
    assert int(first) == max(int(c[5]) for c in cells), (first, cells)

    # The report's findings are listed at their paragraphs, under 剑阁 2022.
    paragraphs = [tr for tr in browser.find_elements(By.CSS_SELECTOR, "#findings tr.finding")
                  if tr.find_elements(By.TAG_NAME, "td")[1].text == report.name]
    assert paragraphs and all("段" in tr.find_elements(By.TAG_NAME, "td")[3].text for tr in paragraphs)

    # One finding's cell: err08's 收入总计, at the manifest's sheet and cell.
    want = manifest["err08_公开01_收入总计不等于支出总计.xlsx"]["findings"][0]
    link = None
    for tr in browser.find_elements(By.CSS_SELECTOR, "#findings tr.finding"):
        tds = tr.find_elements(By.TAG_NAME, "td")
        if tds[1].text.startswith("err08") and tds[2].text == want["sheet"] and tds[3].text == want["cell"]:
            link = tds[3].find_element(By.TAG_NAME, "a")
            break
    assert link is not None, "err08 的问题不在页面上"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.ID, "marked-cell"))
    marked = browser.find_element(By.ID, "marked-cell")
    assert marked.get_attribute("data-cell") == want["cell"]
    # The marked cell shows the submitted value, in its row and column.
    assert marked.text.replace(",", "") == f'{want["found"]:.2f}', marked.text
    row_header = marked.find_element(By.XPATH, "../th").text
    assert row_header == want["cell"][1:], row_header
    browser.save_screenshot(str(scratch / "finding.png"))

    # The .zip: the summary workbook and err08's annotated copy.
    href = browser.find_element(By.ID, "download-zip").get_attribute("href")
    code, body = fetch(href)
    z = zipfile.ZipFile(io.BytesIO(body))
    names = z.namelist()
    assert "汇总.xlsx" in names, names
    assert "批注副本/err08_公开01_收入总计不等于支出总计.xlsx" in names, names
    # 剑阁's 2021 tables are all there: its 部门决算情况说明, a Word document that names the department.
    report = [n for n in names if n.startswith("报告/") and "剑阁" in n and "2021" in n]
    assert report, names
    document = zipfile.ZipFile(io.BytesIO(z.read(report[0]))).read("word/document.xml").decode()
    assert "剑阁县医疗保障局" in document
    # 洪山区's 2019 project self-evaluations give its 项目支出绩效自评报告, naming the project.
    projects = [n for n in names if n.startswith("报告/") and "洪山区" in n and "项目支出绩效自评报告" in n]
    assert projects, names
    document = zipfile.ZipFile(io.BytesIO(z.read(projects[0]))).read("word/document.xml").decode()
    assert "机关建设" in document
    try:
        import openpyxl
        wb = openpyxl.load_workbook(io.BytesIO(z.read("汇总.xlsx")))
        assert sum(r[2] for r in wb["汇总"].iter_rows(min_row=2, values_only=True)) == len(uploads)
    except ImportError:
        pass

    # A second batch (another tab) sees only its own file; a name cannot climb out of its directory.
    session = href.split("/api/sessions/")[1].split("/")[0]
    api = href.split("/api/sessions/")[0] + "/api/sessions"
    _, other = fetch(api, data=b"", method="POST")
    other = json.loads(other)["id"]
    assert other != session
    evil = urllib.parse.quote("../../../逃逸.xlsx")
    _, stored = fetch(f"{api}/{other}/files?name={evil}",
                      data=(folder / "err09_公开05_类不等于款之和.xlsx").read_bytes(), method="POST")
    assert json.loads(stored)["name"] == "逃逸.xlsx", stored
    landed = list(scratch.rglob("逃逸.xlsx"))
    assert landed and all(p.parent.name == "in" and p.parent.parent.name.startswith("session-") for p in landed), landed
    # This batch asks for corrected copies (check --fix).
    fetch(f"{api}/{other}/start?fix=1", data=b"", method="POST")
    for _ in range(300):
        st = json.loads(fetch(f"{api}/{other}")[1])
        if st["state"] == "done":
            break
        time.sleep(0.2)
    assert st["results"]["counts"]["files"] == 1, st
    assert st["results"]["fixed"]
    # The corrected copy holds the recomputed value at the manifest's cell (err09: 2681.86 -> 2681.68).
    fix = manifest["err09_公开05_类不等于款之和.xlsx"]["findings"][0]
    try:
        import openpyxl
        _, copy = fetch(f"{api}/{other}/file?name={urllib.parse.quote('逃逸.xlsx')}")
        fixed = openpyxl.load_workbook(io.BytesIO(copy))[fix["sheet"]][fix["cell"]].value
        assert abs(float(fixed) - fix["expected"]) < 1e-9, (fixed, fix)
    except ImportError:
        pass
    first = json.loads(fetch(f"{api}/{session}")[1])
    assert first["results"]["counts"]["files"] == len(uploads) - 1  # the workbooks; the report is audited
    assert any(f["report"] and f["department"] == "剑阁县医疗保障局" for f in first["results"]["files"])
    failed = False
finally:
    if browser is not None:
        if failed:
            browser.save_screenshot(str(scratch / "failure.png"))
        browser.quit()
    server.send_signal(signal.SIGINT)
    try:
        out, err = server.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        out, err = server.communicate()
    print(out, err)

assert server.returncode == 0, server.returncode
left = [p for p in tmp.rglob("*")]
assert not left, left  # every upload and result removed at the end
print(f"浏览器测试通过：{len(uploads)} 个文件，截图在 {scratch}")
