//! `ladder show ROLE`: one role in full, or one of its dimensions.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ShowArgs;
use crate::exit::Exit;
use crate::render::{Format, Report};
use crate::resolve;
use crate::view::RoleView;

/// Shows the role's attributes, expectations and examples.
pub fn run(ctx: &Context, args: &ShowArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder_for_role(&args.role)?;
    let track = super::track(ladder, args.track.as_deref())?;
    let role = resolve::role(ladder, &args.role, track)?;
    let dimensions = super::dimensions(ladder, args.dimension.as_deref())?;
    let mut view = RoleView::of(ladder, role, &dimensions);
    // A person at a terminal gets pointed at the comparison with the next level.
    if ctx.term.is_tty && ctx.format.unwrap_or_default() == Format::Table {
        // From the tracks alone: with a large --data file only this role may be loaded.
        let has_next = ladder
            .tracks_of(role)
            .any(|t| t.roles.last() != Some(&role.id));
        if has_next {
            view.hint = Some(format!(
                "Compare with the next level: ladder next {}",
                role.id
            ));
        }
    }
    ctx.render(out, &Report::Show(view))?;
    Ok(Exit::Success)
}
