/** The file names of a pack, from the seed; one place so renderers, API and tests agree. */
export function packFiles(slug: string) {
  return {
    technicalSpec: `technical_spec_${slug}.md`,
    architectureDiagram: `architecture_diagram_${slug}.mmd`,
    apiSpec: `api_spec_${slug}.yaml`,
    testPlan: `test_plan_${slug}.md`,
    rolloutPlan: `rollout_plan_${slug}.md`,
    tickets: `tickets_${slug}.json`,
    report: `report_${slug}.json`,
  };
}
