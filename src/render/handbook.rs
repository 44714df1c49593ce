//! The pages `ladder export` writes: the index and one page per role, laid out as handbooks
//! write career ladders, with the [`meta`](crate::handbook::meta) comments that `ladder import`
//! reads back.

use super::markdown::text::{inline, mermaid};
use crate::handbook::meta::Tag;
use crate::handbook::{Handbook, INDEX, Page};
use crate::model::{Catalogue, Ladder, Role};

/// Every page of the handbook as (file name, Markdown): the index first, then the roles'
/// pages in ladder order.
pub fn pages(book: &Handbook<'_>) -> Vec<(String, String)> {
    let mut pages = Vec::with_capacity(book.pages.len() + 1);
    pages.push((INDEX.to_string(), index_page(book)));
    for page in &book.pages {
        pages.push((page.file.clone(), role_page(book, page)));
    }
    pages
}

/// Every page of a catalogue's handbook: the top index linking each ladder's, then each
/// ladder's pages (as [`pages`] writes them for that ladder alone) under its id as a folder.
pub fn catalogue_pages(catalogue: &Catalogue) -> Vec<(String, String)> {
    let mut all = vec![(INDEX.to_string(), catalogue_index(catalogue))];
    for entry in &catalogue.ladders {
        let book = Handbook::of(&entry.ladder);
        all.extend(
            pages(&book)
                .into_iter()
                .map(|(file, text)| (format!("{}/{file}", entry.id), text)),
        );
    }
    all
}

/// The top index of a catalogue: one line per ladder, linking its own index, with its role
/// count and tracks. It links no level page, which is how `import` knows it for a catalogue.
fn catalogue_index(catalogue: &Catalogue) -> String {
    let mut md = String::from("# Ladders\n\n");
    for entry in &catalogue.ladders {
        let ladder = &entry.ladder;
        let roles = ladder.roles.len();
        md += &format!(
            "- [{}]({}/{INDEX}): {roles} {}",
            inline(&ladder.name),
            entry.id,
            if roles == 1 { "role" } else { "roles" }
        );
        if !ladder.tracks.is_empty() {
            let names: Vec<&str> = ladder.tracks.iter().map(|t| t.name.as_str()).collect();
            md += &format!(", tracks {}", inline(&names.join(", ")));
        }
        md += "\n";
    }
    md
}

/// The index page of the handbook, in the spirit of the ladder's own index.
fn index_page(book: &Handbook<'_>) -> String {
    let ladder = book.ladder;
    let mut md = introduction(ladder);
    md += "## How each level is described\n\n";
    md += &descriptions(ladder);
    md += "## Levels\n\n";
    for (i, page) in book.pages.iter().enumerate() {
        md += &format!(
            "{}. [{}]({})\n",
            i + 1,
            inline(&page.role.heading()),
            page.file
        );
    }
    if !book.tracks.tracks.is_empty() {
        md += &tracks(book);
    }
    md += &format!(
        "\nTip: before a conversation about progression, read your level next to the one above it \
         (`ladder next ROLE` does this theme by theme).{}\n",
        Tag::Caption
    );
    md
}

/// The title with the order of levels, the motto, the about text and the disciplines.
fn introduction(ladder: &Ladder) -> String {
    let mut md = format!(
        "# {}\n{}\n\n",
        inline(&ladder.name),
        Tag::Levels(&ladder.levels)
    );
    if let Some(motto) = &ladder.motto {
        md += &format!("**{}**\n\n", inline(motto));
    }
    if let Some(about) = &ladder.about {
        md += &format!("{}\n\n", inline(about));
    }
    if !ladder.disciplines.is_empty() {
        md += "## Disciplines\n\n";
        for d in &ladder.disciplines {
            md += &format!(
                "- **{}**: {}{}\n",
                inline(&d.name),
                inline(&d.definition),
                Tag::Discipline(&d.id)
            );
        }
        md += "\n";
    }
    md
}

/// What every level page states: the attributes, the dimensions and the bands.
fn descriptions(ladder: &Ladder) -> String {
    let mut md = String::new();
    if !ladder.attributes.is_empty() {
        md += &format!("Every level states these attributes:{}\n\n", Tag::Caption);
        for a in &ladder.attributes {
            md += &format!(
                "- **{}**: {}{}\n",
                inline(&a.name),
                inline(&a.meaning),
                Tag::Attribute(&a.id)
            );
        }
        md += "\n";
    }
    md += &format!(
        "And it sets expectations, with concrete examples, in these dimensions:{}\n\n",
        Tag::Caption
    );
    for d in &ladder.dimensions {
        let themes: Vec<String> = d.themes.iter().map(|t| inline(&t.name)).collect();
        let tag = Tag::Dimension(d);
        if themes.is_empty() {
            md += &format!("- {}{tag}\n", inline(&d.label()));
        } else {
            md += &format!(
                "- {} (themes: {}){tag}\n",
                inline(&d.label()),
                themes.join(", ")
            );
        }
    }
    md += "\n";
    if !ladder.bands.is_empty() {
        md += &format!(
            "## Bands\n\nWithin a level, progress is graded in bands:{}\n\n",
            Tag::Caption
        );
        for b in &ladder.bands {
            md += &format!(
                "- **{}**: {}{}\n",
                inline(&b.name),
                inline(&b.meaning),
                Tag::Band(&b.id)
            );
        }
        md += "\n";
    }
    md
}

/// The tracks, drawn and then listed with links to their roles' pages.
fn tracks(book: &Handbook<'_>) -> String {
    let mut md = String::from("\n## Tracks\n\n");
    md += &mermaid(&book.tracks);
    md += "\n";
    for (track, roles) in &book.tracks.tracks {
        let steps: Vec<String> = roles.iter().map(|r| link(book, r)).collect();
        md += &format!(
            "- **{}** ({}): {}{}\n",
            inline(&track.name),
            inline(&track.id),
            steps.join(" → "),
            Tag::Track(track)
        );
    }
    md
}

/// A role's heading, linked to its page when it has one.
fn link(book: &Handbook<'_>, role: &Role) -> String {
    match book.page(&role.id) {
        Some(p) => format!("[{}]({})", inline(&role.heading()), p.file),
        None => inline(&role.heading()),
    }
}

/// One role's page, laid out as handbooks write level pages.
fn role_page(book: &Handbook<'_>, page: &Page<'_>) -> String {
    let role = page.role;
    let mut md = format!(
        "# {}: {}\n{}\n\n",
        inline(&role.level),
        inline(&role.title),
        Tag::Role(&role.id)
    );
    md += &format!("> _{}_\n\n", inline(&role.summary));
    for a in &book.ladder.attributes {
        let value = role
            .attributes
            .get(&a.id)
            .map_or("—".to_string(), |v| inline(v));
        md += &format!(
            "- **{}**: {}{}\n",
            inline(&a.name),
            value,
            Tag::Attribute(&a.id)
        );
    }
    for d in &book.ladder.dimensions {
        let rd = role.in_dimension(&d.id);
        md += &format!("\n## {}{}\n\n", inline(&d.label()), Tag::Section(&d.id));
        if let Some(summary) = &rd.summary {
            md += &format!("> _{}_\n\n", inline(summary));
        }
        for e in &rd.expectations {
            let tag = match &e.theme {
                Some(theme) => Tag::Theme(theme).to_string(),
                None => String::new(),
            };
            md += &format!("- {}{tag}\n", inline(&e.text));
        }
        if !rd.examples.is_empty() {
            md += "\n<details><summary>Examples</summary>\n\n";
            for x in &rd.examples {
                md += &format!("- {}\n", inline(x));
            }
            md += "\n</details>\n";
        }
    }
    md += "\n---\n\n";
    md += &neighbours(book, page);
    md += "\n";
    md
}

/// The page's last line: back to the index, then the roles before and after it on each track.
fn neighbours(book: &Handbook<'_>, page: &Page<'_>) -> String {
    let mut links = vec![format!(
        "[Back to {}]({})",
        inline(&book.ladder.name),
        INDEX
    )];
    for step in &page.steps {
        if let Some(prev) = step.before {
            links.push(format!(
                "before on {}: {}",
                inline(&step.track.id),
                link(book, prev)
            ));
        }
        if let Some(next) = step.after {
            links.push(format!(
                "next on {}: {}",
                inline(&step.track.id),
                link(book, next)
            ));
        }
    }
    links.join(" · ")
}
