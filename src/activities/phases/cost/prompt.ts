/** What the model is asked for in the cost phase, beyond the schema: the inputs, and which parts code computes. */
export const costPrompt = [
  'State the load assumptions (peak and average requests/s, monthly active users, storage and transfer in GB),',
  'ROI inputs (engineer weeks to build, hourly rate, hours saved per month),',
  'a narrative on what drives the cost,',
  'and optimization opportunities with their saving in percent.',
  'Leave estimate null: code computes the infrastructure estimate per component, the scaling projections (1x, 10x, 100x) and the ROI from these inputs and the architecture.',
].join(' ');
