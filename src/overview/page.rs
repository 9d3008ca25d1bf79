use super::attention::{lasted_text, needs_attention, Attention, Problem};
use crate::api::{Kind, Region, Resource, Status};
use crate::components::error_banner::ErrorBanner;
use crate::components::explanation::ExplanationView;
use crate::components::stale_notice::stale_notice;
use crate::components::status_badge::StatusBadge;
use crate::poll::{use_live, Live};
use crate::routes;
use crate::state::inventory::{read_region, use_inventory, RegionItems};
use crate::state::session::use_session;
use leptos::prelude::*;

/// The landing page: for each region, the four resources counted by
/// status; before them, what needs attention in any region. Each region is
/// read (whole, page after page) and fails on its own; each is read again
/// while something in it is transient.
#[component]
pub fn Overview() -> impl IntoView {
    let session = use_session();
    let inventory = use_inventory();
    let regions: Vec<(Region, Live<RegionItems>)> = Region::ALL
        .iter()
        .map(|region| {
            let region = region.clone();
            let live = use_live(
                {
                    let region = region.clone();
                    move || {
                        if !session.has_token() {
                            return None;
                        }
                        let client = session.client_in(region.clone());
                        Some(read_region(client, session.project_id.get()))
                    }
                },
                RegionItems::any_transient,
            );
            // The palette finds what the overview has read.
            Effect::new({
                let region = region.clone();
                move |_| {
                    if let Some((items, _)) = live.good.get() {
                        inventory.store(region.clone(), items);
                    }
                }
            });
            (region, live)
        })
        .collect();
    let attention = {
        let regions = regions.clone();
        Memo::new(move |_| {
            let reads: Vec<(Region, RegionItems)> = regions
                .iter()
                .filter_map(|(region, live)| {
                    live.good
                        .with(|g| g.as_ref().map(|(items, _)| (region.clone(), items.clone())))
                })
                .collect();
            needs_attention(
                reads.iter().map(|(r, items)| (r, items)),
                js_sys::Date::now() as i64,
            )
        })
    };
    let scope = move || {
        let project = session.project_id.get();
        if project.is_empty() {
            "Every project the secret key can see, in every region.".to_string()
        } else {
            format!("Project {project}, in every region.")
        }
    };
    view! {
        <section class="page overview">
            <div class="page-head"><h1>"Overview"</h1></div>
            {move || if session.has_token() {
                view! { <p class="hint">{scope}</p> }.into_any()
            } else {
                view! {
                    <div class="banner banner-info">
                        <p>"Set your secret key in " <a href=session.link(routes::SETTINGS)>"Settings"</a> " to see your resources."</p>
                    </div>
                }.into_any()
            }}
            <section aria-labelledby="attention-title">
                <h2 id="attention-title">"Needs attention"</h2>
                {move || {
                    let entries = attention.get();
                    if entries.is_empty() {
                        view! { <p class="all-well">"Nothing needs attention in the regions read."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="attention">
                                {entries.into_iter().map(|entry| view! { <AttentionEntry entry/> }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
            <h2>"Regions"</h2>
            <div class="regions">
                {regions.into_iter().map(|(region, live)| view! { <RegionCard region live/> }).collect_view()}
            </div>
        </section>
    }
}

/// One entry of "Needs attention": the resource (linked in its own region),
/// its status, and why it is listed.
#[component]
fn AttentionEntry(entry: Attention) -> impl IntoView {
    let class = if entry.is_failure() {
        "failure"
    } else {
        "waiting"
    };
    let Attention {
        kind,
        region,
        id,
        label,
        status,
        problem,
    } = entry;
    let href = routes::in_region(&routes::detail_of(kind, &id), &region);
    let why = match problem {
        Problem::Failed {
            message,
            explanation,
        } => {
            let message = if message.is_empty() {
                "The API gave no reason.".to_string()
            } else {
                message
            };
            view! {
                <p class="error-text">{message}</p>
                {explanation.map(|explanation| view! {
                    <ExplanationView explanation kind id=id.clone() region=region.clone()/>
                })}
            }
            .into_any()
        }
        Problem::TooLong { lasted_ms } => view! {
            <p>{format!("{} for {}: longer than usual.", crate::case::capitalised(status.as_str()), lasted_text(lasted_ms))}</p>
        }
        .into_any(),
        Problem::ContainerNotReady { container, status } => view! {
            <p>{format!("Its container {container} is {status}: the domain cannot serve until it is ready.")}</p>
        }
        .into_any(),
    };
    view! {
        <li class=class>
            <p class="attention-head">
                <span class="kind">{kind.noun()}</span> " "
                <a href=href>{label}</a> " "
                <StatusBadge status/> " "
                <span class="region-tag">{region.to_string()}</span>
            </p>
            {why}
        </li>
    }
}

/// How many of a list are in each family of status.
#[derive(Default)]
struct Counts {
    total: usize,
    ready: usize,
    in_progress: usize,
    error: usize,
}

fn counts<R: Resource>(items: &[R]) -> Counts {
    let mut c = Counts {
        total: items.len(),
        ..Default::default()
    };
    for item in items {
        match item.status() {
            Status::Ready => c.ready += 1,
            Status::Error => c.error += 1,
            s if s.is_transient() => c.in_progress += 1,
            _ => {}
        }
    }
    c
}

/// A region's counts, or why it could not be read (with Retry), on its own.
#[component]
fn RegionCard(region: Region, live: Live<RegionItems>) -> impl IntoView {
    let retry = Callback::new(move |_| live.refresh());
    let title_id = format!("region-{region}");
    let body = {
        let region = region.clone();
        move || {
            if live.idle.get() {
                return view! { <p class="hint">"Not read: no secret key is set."</p> }.into_any();
            }
            match live.good.get() {
                Some((items, _)) => {
                    let rows = [
                        (Kind::Namespace, counts(&items.namespaces)),
                        (Kind::Container, counts(&items.containers)),
                        (Kind::Domain, counts(&items.domains)),
                        (Kind::Trigger, counts(&items.triggers)),
                    ];
                    let cut: Vec<&'static str> =
                        items.cut_short.iter().map(|k| k.title()).collect();
                    view! {
                        <div class="table-scroll">
                        <table class="counts">
                            <thead><tr>
                                <th scope="col">"Resource"</th><th scope="col">"Total"</th>
                                <th scope="col">"Ready"</th><th scope="col">"In progress"</th><th scope="col">"Error"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(kind, c)| {
                                    let whole = !items.cut_short.contains(&kind);
                                    let total = if whole { c.total.to_string() } else { format!("{}+", c.total) };
                                    let href = routes::in_region(kind.path(), &region);
                                    view! {
                                        <tr>
                                            <th scope="row"><a href=href>{kind.title()}</a></th>
                                            <td>{total}</td>
                                            <td>{c.ready}</td>
                                            <td>{c.in_progress}</td>
                                            <td class=(c.error > 0).then_some("error-count")>{c.error}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                        {(!cut.is_empty()).then(|| view! {
                            <p class="banner banner-warn" role="status">
                                {format!("Cut short: only part of the {} was read, so these counts are not whole.", crate::case::lower(&cut.join(", ")))}
                            </p>
                        })}
                    }
                    .into_any()
                }
                None => match live.failure.get() {
                    Some(error) => view! { <ErrorBanner error retry/> }.into_any(),
                    None => view! { <p class="loading">"Loading…"</p> }.into_any(),
                },
            }
        }
    };
    view! {
        <section class="region-card" aria-labelledby=title_id.clone()>
            <h3 id=title_id.clone()>{region.to_string()}</h3>
            {stale_notice(live.failure, live.read_at(), retry)}
            {body}
        </section>
    }
}
