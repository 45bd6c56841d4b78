"""Many distinct news pages for the corpus tests (ingest, engines, faults, shards), built here.

The corpus tests need tens to hundreds of realistic pages: ingest resumes after `kill -9`,
crashed workers, full disks and shard reuse only show on runs long enough to have several
batches.  The repository cannot ship real news pages (their texts belong to their publishers),
so each page is generated, deterministically from its number: one of four site templates (an
<article> site, a div-soup site, a legacy table layout, a blog), a navigation menu, inline
styles and scripts, related links, a newsletter promo, comments and a footer around 6-11 body
paragraphs drawn from the sentences below.  Pages are ~40-90 KB of HTML, about the size of real
news pages (the DEV pages' median is 118 KB), so batch and file-size figures stay realistic.

`write_pages(dest, n)` writes the first n pages as `page-NNNN.html.gz`; with `variant`, each
page gets a comment that makes it a distinct page (a new content id) with the same article.
"""
from __future__ import annotations

import gzip
import html
import random
from pathlib import Path

PLACES = ["Kharkiv", "Odesa", "Mykolaiv", "Zaporizhzhia", "Dnipro", "Lviv", "Poltava", "Sumy",
          "Chernihiv", "Kherson", "Vinnytsia", "Rivne", "Lyon", "Rotterdam", "Gdansk", "Porto",
          "Valencia", "Leeds", "Tampere", "Brno", "Cluj", "Varna", "Split", "Kaunas"]
PEOPLE = ["Olena Marchuk", "Petro Savchenko", "Anna Lindqvist", "Marco Bellini", "Sofia Nowak",
          "James Whitaker", "Ines Carvalho", "Tomasz Zielinski", "Hanna Koval", "David Okafor"]
ROLES = ["the regional governor", "the mayor", "a police spokesperson", "the city council's chair",
         "the emergency service", "a hospital director", "the transport minister", "a local prosecutor"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
THINGS = ["families", "workers", "students", "patients", "passengers", "residents", "volunteers"]

#: Body sentences; slots: {place} {place2} {person} {role} {day} {n} {m} {things}.
SENTENCES = [
    "Russian forces shelled {place} on {day}, damaging {n} homes and a school, {role} said.",
    "A drone strike hit an energy facility near {place} overnight, cutting power to {n} {things}.",
    "Air defence units shot down {m} drones over the {place} region, according to {person}.",
    "Two people were killed and {m} wounded when a missile struck an apartment block in {place}.",
    "Rescue workers searched the rubble for survivors until late on {day}, {role} said.",
    "The council in {place} voted on {day} to close the old bridge after engineers found cracks.",
    "About {n} {things} were moved to temporary shelters in {place} after the river burst its banks.",
    "{person}, who leads the local chamber of commerce, said exports had fallen by {m} percent.",
    "Police in {place} arrested {m} men suspected of smuggling fuel across the border, {role} said.",
    "Hundreds of {things} marched through central {place} on {day} to demand higher wages.",
    "The strike by {things} at the port of {place} entered its {m}th day without talks.",
    "Prosecutors said the contract for the new tram line in {place} had been awarded without a tender.",
    "\"We are doing everything we can to restore heating before the frost,\" {person} told reporters.",
    "The company said it would invest {n} million euros in a battery plant outside {place}.",
    "Trains between {place} and {place2} were cancelled for a second day because of snow.",
    "Doctors at the main hospital in {place} treated {m} people for smoke inhalation, {role} said.",
    "The fire started in a warehouse on the edge of {place} and spread to two nearby buildings.",
    "Officials in {place2} said they had received no warning before the water supply was cut.",
    "Schools in {place} will stay closed until {day}, the education department announced.",
    "The ministry said repairs to the dam near {place} would take at least {m} weeks.",
    "{person} said the agreement with {place2} would be signed before the end of the month.",
    "Volunteers in {place} have collected {n} blankets and {m} generators for the front-line towns.",
    "The regional court in {place} sentenced a former official to {m} years for taking bribes.",
    "Farmers near {place} say the harvest is the smallest in a decade after the dry summer.",
    "Two ferries collided in fog off {place} on {day}; nobody was hurt, the coast guard said.",
    "The mayor of {place2} said the city had spent its entire snow-clearing budget by {day}.",
    "Inspectors found {m} violations at the chemical plant in {place} during a spot check.",
    "Ukraine's military said its forces had pushed back an attack near {place} on {day}.",
    "Gas prices in {place} rose for the {m}th week in a row, according to the statistics office.",
    "The airport in {place} reopened on {day} after a {m}-hour closure caused by a drone sighting.",
    "Residents of {place} queued for hours at water points set up by the emergency service.",
    "{role} said {n} {things} had registered for evacuation from the villages east of {place}.",
    "The football club from {place} said it would play its home games in {place2} this season.",
    "A new bypass around {place} is expected to cut the journey to {place2} by {m} minutes.",
    "Analysts said the central bank was likely to keep its main rate unchanged at {m} percent.",
    "The museum in {place} has moved {n} works to storage since the first air raid sirens.",
]
HEADLINES = ["Shelling damages homes in {place}", "Floods force evacuations near {place}",
             "{place} council closes old bridge", "Drone strike cuts power in {place}",
             "Port strike in {place} enters new week", "Battery plant planned outside {place}",
             "Missile hits apartment block in {place}", "Fuel smugglers arrested near {place}",
             "Snow cancels trains to {place}", "Harvest falls near {place} after dry summer"]
SECTIONS = ["World", "Europe", "Ukraine", "Business", "Politics", "Science", "Sport", "Culture",
            "Opinion", "Weather", "Travel", "Health", "Video", "Podcasts", "Local"]


def _fill(template: str, rng: random.Random) -> str:
    place, place2 = rng.sample(PLACES, 2)
    return template.format(place=place, place2=place2, person=rng.choice(PEOPLE), role=rng.choice(ROLES),
                           day=rng.choice(WEEKDAYS), n=rng.randrange(20, 4000), m=rng.randrange(2, 40),
                           things=rng.choice(THINGS))


def article(i: int) -> tuple[str, list[str]]:
    """Page i's headline and body paragraphs (two or three sentences each)."""
    rng = random.Random(i)
    title = _fill(rng.choice(HEADLINES), rng)
    picks = iter(rng.sample(SENTENCES, len(SENTENCES)))  # each sentence at most once a page
    sizes = [2 + k % 2 for k in range(rng.randrange(6, 12))]
    paragraphs = [" ".join(_fill(next(picks), rng) for _ in range(size)) for size in sizes]
    return title, paragraphs


def _chrome_links(rng: random.Random, n: int) -> str:
    names = [rng.choice(SECTIONS) for _ in range(n)]
    return "".join(f'<li class="menu-item"><a href="/{s.lower()}/{k}">{s}</a></li>' for k, s in enumerate(names))


def _style_and_script(i: int) -> str:
    """Inline CSS and JS of the size real pages carry (no text a reader sees)."""
    css = "".join(f".c{i}-{k}{{margin:{k % 9}px;padding:{k % 5}px;color:#{k * 2467 % 0xFFFFFF:06x}}}"
                  for k in range(350))
    js = "".join(f"window.dl=window.dl||[];dl.push({{'slot':'ad-{k}','size':[300,{250 + k}]}});" for k in range(300))
    return f"<style>{css}</style><script>{js}</script>"


def _related(rng: random.Random) -> str:
    headlines = [html.escape(_fill(rng.choice(HEADLINES), rng)) for _ in range(6)]
    items = "".join(f'<li><a href="/story/{rng.randrange(10**6)}">{h}</a></li>' for h in headlines)
    return f'<aside class="related-stories"><h3>Related stories</h3><ul>{items}</ul></aside>'


def _comments(rng: random.Random) -> str:
    notes = ["Thanks for reporting this.", "Where can I donate blankets?", "The bridge was unsafe for years."]
    body = "".join(f'<div class="comment"><span class="comment-author">reader{rng.randrange(999)}</span>'
                   f"<p>{c}</p></div>" for c in notes)
    return (f'<section id="comments"><h3>{len(notes)} Comments</h3>{body}<form class="comment-form">'
            '<label>Name *</label><input name="author"><textarea name="comment"></textarea></form></section>')


PROMO = ('<div class="newsletter-signup"><p>Get the morning briefing in your inbox.</p>'
         '<a class="button" href="/subscribe">Subscribe</a></div>')


def _body_markup(template: int, title: str, paragraphs: list[str], byline: str, date: str) -> str:
    ps = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    if template == 0:
        return (f'<article class="story"><h1>{html.escape(title)}</h1><p class="byline">By {byline}</p>'
                f'<time datetime="{date}">{date}</time>{ps}</article>')
    if template == 1:
        return (f'<div id="main"><div class="headline"><h1>{html.escape(title)}</h1></div>'
                f'<div class="meta"><span class="author">{byline}</span> | {date}</div>'
                f'<div class="story-body">{ps}</div></div>')
    if template == 2:
        return (f'<table width="100%"><tr><td class="content"><h2>{html.escape(title)}</h2>'
                f"<b>{byline}</b>, {date}<br>{ps}</td></tr></table>")
    return (f'<div class="post"><h1 class="entry-title">{html.escape(title)}</h1>'
            f'<div class="entry-meta">Posted on {date} by {byline}</div><div class="entry-content">{ps}</div></div>')


def news_page(i: int) -> str:
    """The HTML of page i: same number, same page."""
    rng = random.Random(f"chrome-{i}")
    title, paragraphs = article(i)
    template = i % 4
    date = f"2022-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}"
    site = ["The Harbour Courier", "Eastern Wire", "Valley Times", "River Notes"][template]
    url = f"https://news{template}.example.org/{date.replace('-', '/')}/story-{i}"
    head = (f'<meta charset="utf-8"><title>{html.escape(title)} | {site}</title>'
            f'<meta property="og:title" content="{html.escape(title)}"><meta property="og:site_name" content="{site}">'
            f'<link rel="canonical" href="{url}">{_style_and_script(i)}')
    nav = f'<nav class="site-nav"><ul>{_chrome_links(rng, 60)}</ul></nav>'
    footer = f'<footer><ul>{_chrome_links(rng, 40)}</ul><p>© 2022 {site}. All rights reserved.</p></footer>'
    main = _body_markup(template, title, paragraphs, rng.choice(PEOPLE), date)
    return (f'<!DOCTYPE html><html lang="en"><head>{head}</head><body>{nav}{main}{_related(rng)}'
            f"{PROMO}{_comments(rng)}{footer}</body></html>")


def write_pages(dest: Path, n: int, variant: str = "") -> list[Path]:
    """The first n pages as gzipped files in dest (a variant tag makes each a distinct page)."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        page = news_page(i) + (f"<!-- {variant} -->" if variant else "")
        path = dest / f"page-{i:04d}.html.gz"
        path.write_bytes(gzip.compress(page.encode("utf-8"), mtime=0))
        out.append(path)
    return out


def page_bytes(n: int, start: int = 0) -> list[bytes]:
    """The HTML bytes of n pages from page `start` on (for WARC records and JSONL lines)."""
    return [news_page(i).encode("utf-8") for i in range(start, start + n)]
