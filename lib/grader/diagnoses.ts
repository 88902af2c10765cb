import { DIAGNOSIS_IDS, type DiagnosisId } from "../content/diagnosis-ids";

export { DIAGNOSIS_IDS, type DiagnosisId };

/** Title and explanation shown to the learner for each classic mistake. */
export const DIAGNOSES: Readonly<Record<DiagnosisId, { title: string; explanation: string }>> = {
  "missing-bias-correction": {
    title: "Missing bias correction",
    explanation:
      "m and v start at 0, so early averages are too small: divide m by 1 − β1^t and v by 1 − β2^t. To save work, fold only the first factor into the step size, lr/(1 − β1^t), and keep ε on the corrected root, √v/√(1 − β2^t) + ε, as PyTorch does. Folding both (lr·√(1 − β2^t)/(1 − β1^t), with ε added to √v) scales ε by 1/√(1 − β2^t): with tiny gradients the first step comes out more than twenty times too small.",
  },
  "eps-inside-root": {
    title: "ε inside the square root",
    explanation:
      "PyTorch adds ε after the root: √v + ε, not √(v + ε). The difference shows when gradients are tiny.",
  },
  "step-count-not-advanced": {
    title: "Step count not advanced",
    explanation: "t must grow by one every step; with t stuck at 1 the bias correction never decays.",
  },
  "step-count-from-zero": {
    title: "Step count starts at 0 in the first update",
    explanation:
      "Increment t before using it: the first step uses t = 1, otherwise 1 − β^0 = 0 divides by zero.",
  },
  "betas-swapped": {
    title: "β1 and β2 swapped",
    explanation:
      "Each β belongs to one average. In Adam β1 decays the gradient average m and β2 the squared-gradient average v; in Lion β1 mixes the update direction c = β1·m + (1 − β1)·g and β2 decays the stored momentum m.",
  },
  "sign-error": {
    title: "Sign error",
    explanation: "Descent moves against the gradient: θ ← θ − (step), not θ + (step).",
  },
  "gradient-not-squared": {
    title: "Gradient not squared",
    explanation: "The second-moment average accumulates g², not g.",
  },
  "ema-momentum": {
    title: "EMA momentum convention",
    explanation:
      "PyTorch's momentum accumulates the raw gradient, v ← μv + g; the exponential-average form v ← μv + (1 − μ)g shrinks the velocity, and every step taken along it, by a factor 1 − μ.",
  },
  "old-velocity": {
    title: "Parameters updated with the old velocity",
    explanation: "Update the velocity first, then move the parameters with the new velocity.",
  },
  "adagrad-sum": {
    title: "AdaGrad's running sum instead of an average",
    explanation: "RMSprop decays its accumulator: s ← αs + (1 − α)g², not s ← s + g².",
  },
  "coupled-weight-decay": {
    title: "L2 penalty instead of decoupled weight decay",
    explanation:
      "AdamW shrinks the parameters directly, θ ← θ(1 − lr·λ); adding λθ to the gradient is Adam's L2 penalty, which the adaptive denominator rescales.",
  },
  "alpha-swapped": {
    title: "α and 1 − α swapped",
    explanation: "α (close to 1) multiplies the old average; 1 − α multiplies the new g².",
  },
  "nesterov-plain-momentum": {
    title: "Heavy-ball step instead of Nesterov's",
    explanation:
      "Update the buffer first, b ← μb + g, then step along the look-ahead g + μ·b with the new b: θ ← θ − lr·(g + μb). Stepping along b alone, or along g + μ·b with the buffer from before the update (the same vector), is plain momentum.",
  },
  "amsgrad-no-max": {
    title: "No running maximum (plain Adam)",
    explanation:
      "AMSGrad keeps v_max ← max(v_max, v) in its state and divides by √v_max / √(1 − β2^t) + ε, so the effective step never grows when v shrinks. Dividing by the current v, or computing the maximum without storing it, is Adam.",
  },
  "amsgrad-max-of-vhat": {
    title: "Maximum of the bias-corrected v̂",
    explanation:
      "PyTorch takes the maximum of the raw v, then bias-corrects: √max(v_max, v_t) / √(1 − β2^t) + ε. The maximum of v̂ = v / (1 − β2^t) is never smaller, because earlier steps divide by a smaller 1 − β2^s: it remembers the noisy first estimates (v̂_1 = g_1²) and takes smaller steps.",
  },
  "lion-momentum-first": {
    title: "Momentum updated before the sign step",
    explanation:
      "Lion takes the sign of c = β1·m + (1 − β1)·g with the previous momentum and only then updates m ← β2·m + (1 − β2)·g. Updating m first gives c = β1β2·m + (1 − β1β2)·g, which weighs the current gradient more than intended.",
  },
  "warmup-off-by-one": {
    title: "Warm-up one step behind this exercise's convention",
    explanation:
      "This exercise counts the first step as t = 0 and ramps with lr·(t + 1)/W: the first step moves with lr/W and the rate reaches lr at t = W − 1. lr·t/W is the other common convention (Hugging Face's get_linear_schedule_with_warmup uses it): its first step has rate 0 and every rate of the ramp comes one step later, so it does not match this reference.",
  },
  "cosine-ignores-warmup": {
    title: "Cosine counted from step 0, not from the end of warm-up",
    explanation:
      "The decay's progress is (t − W)/(T − W), so the cosine starts at lr right after the ramp and reaches minLr at t = T. With t/T the cosine has already run during the warm-up, so the rate drops abruptly at t = W.",
  },
  "cosine-not-held": {
    title: "Rate not held at minLr after T",
    explanation:
      "Clip the progress, min(1, (t − W)/(T − W)). Without the clip the cosine continues past its minimum and, after step T, the rate climbs back towards lr.",
  },
  "min-lr-ignored": {
    title: "Cosine decays to 0 instead of minLr",
    explanation:
      "The cosine interpolates between lr and the floor: minLr + (lr − minLr)·(1 + cos πp)/2. lr·(1 + cos πp)/2 ignores minLr and ends at 0.",
  },
  "lr-decayed-every-step": {
    title: "Rate decayed every step instead of every stepSize steps",
    explanation:
      "StepLR multiplies the rate by γ once per stepSize steps: lr·γ^⌊t/stepSize⌋. lr·γ^t decays it at every step, so after a few hundred steps the rate is practically 0.",
  },
  "scheduler-stepped-first": {
    title: "Each decay one step early",
    explanation:
      "The first step uses t = 0, and the count advances after the step (optimizer.step(), then scheduler.step()). Advancing it first, lr·γ^⌊(t + 1)/stepSize⌋, cuts the rate one step before each boundary.",
  },
  "weight-decay-after-step": {
    title: "Weight decay applied after the gradient step",
    explanation:
      "SGD's weight decay adds λθ to the gradient at the parameters the gradient was computed at: θ ← θ − lr·(g + λθ). Shrinking the already-updated parameters, θ' = θ − lr·g then θ' ← θ' − lr·λθ', differs by lr²·λ·g at every step.",
  },
  "minibatch-sum": {
    title: "Mini-batch gradients summed, not averaged",
    explanation:
      "A mean-reduced loss gives the average of the per-example gradients, (1/|B|)·Σ ∇f_i. The sum is |B| times larger, so the effective learning rate grows with the batch size.",
  },
  "partial-batch-mean": {
    title: "Last batch of an epoch divided by the full batch size",
    explanation:
      "When batchSize does not divide the data set, the last batch of each epoch is smaller (drop_last=False). Average over the examples it really holds: dividing by batchSize shrinks that step.",
  },
  "epoch-not-reshuffled": {
    title: "Same order every epoch",
    explanation:
      "A shuffling loader draws a new order at the start of every epoch: use data.order(epoch) for the current epoch. Reusing the first epoch's order repeats the same batches forever.",
  },
  "clip-per-tensor": {
    title: "Each tensor clipped by its own norm",
    explanation:
      "clip_grad_norm_ computes one norm over all the gradients together, √(Σ_k ‖g_k‖²), and scales every tensor by the same min(1, maxNorm/(norm + 1e-6)). Clipping tensor by tensor changes the direction of the update and leaves small tensors untouched.",
  },
  "clip-missing-eps": {
    title: "Clip coefficient without the 1e-6",
    explanation:
      "PyTorch divides by total_norm + 1e-6: c = min(1, maxNorm/(‖g‖ + 1e-6)). Without it the coefficient is slightly larger, which shows when gradients are tiny, and a zero gradient divides 0 by 0.",
  },
  "clip-not-clamped": {
    title: "Short gradients lengthened",
    explanation:
      "The coefficient is clamped at 1: gradients shorter than maxNorm are left as they are. Always multiplying by maxNorm/‖g‖ normalizes every gradient to length maxNorm instead of clipping it.",
  },
  "clip-by-value": {
    title: "Clipped by value instead of by norm",
    explanation:
      "Clamping each coordinate to [−maxNorm, maxNorm] is clip_grad_value_: it changes the gradient's direction. clip_grad_norm_ rescales the whole gradient so its global 2-norm is at most maxNorm.",
  },
  "lamb-global-trust-ratio": {
    title: "One trust ratio for the whole model",
    explanation:
      "LAMB's ratio ‖θ‖/‖u‖ is computed per layer, over that layer's weights and update only, so each layer moves by the same fraction of its own norm. One ratio over all parameters lets large layers set the step of small ones, which is what LAMB exists to avoid.",
  },
  "lamb-zero-norm-ratio": {
    title: "Trust ratio 0 for a zero layer",
    explanation:
      "When ‖θ‖ = 0 (a bias initialized at zero) or ‖u‖ = 0, use a trust ratio of 1. ‖θ‖/‖u‖ = 0 keeps a zero layer at zero forever, and 0/0 gives NaN.",
  },
  "adafactor-unfactored": {
    title: "Unfactored second moment",
    explanation:
      "Adafactor keeps one average of g² per row and one per column and estimates V̂_ij = R_i·C_j / mean(R). Averaging g² per entry, as Adam does, is a different (and n·m-sized) estimate, and gives different steps whenever g² is not a rank-one pattern.",
  },
  "adafactor-no-update-clipping": {
    title: "Update not clipped",
    explanation:
      "Divide the update by max(1, RMS(U)/d): when the second-moment estimate lags behind a sudden larger gradient, this caps the update's RMS at d.",
  },
  "adafactor-no-relative-step": {
    title: "Step not relative to the weights' scale",
    explanation:
      "Adafactor's step size is α_t = max(eps2, RMS(θ))·ρ_t with ρ_t = min(lr, 1/√t): a fraction of the weights' own RMS, measured before the weight decay. Using lr (or ρ_t) alone ignores the scale of θ.",
  },
  "muon-gradient-orthogonalized": {
    title: "Newton–Schulz on the gradient, not on the momentum",
    explanation:
      "Muon orthogonalizes the momentum update: first M ← M + (1 − μ)(G − M) and U = G + μ(M − G), then Newton–Schulz on U. Orthogonalizing the raw gradient throws the averaging away, and every step then follows the latest gradient's singular vectors.",
  },
  "muon-no-shape-scale": {
    title: "Shape scale √max(1, rows/cols) missing",
    explanation:
      "muon.py multiplies the orthogonalized update by √max(1, rows/cols), so a tall matrix (more rows than columns) takes a proportionally larger step. Without it, tall and wide matrices of the same size move by different amounts.",
  },
  "schedule-free-params-hold-x": {
    title: "params hold the average x instead of y",
    explanation:
      "The gradient is taken at y = βx + (1 − β)z, so after each step params must hold y. Writing the average x into params evaluates the gradient at the wrong point; x is what you evaluate after training (optimizer.eval()).",
  },
  "schedule-free-ema-average": {
    title: "x averaged with a fixed weight",
    explanation:
      "x is the uniform running mean of the z iterates, x ← (1 − c)x + cz with c = 1/t. A fixed weight (an exponential moving average) forgets early iterates and does not settle the way a decayed schedule does.",
  },
  "params-rebound": {
    title: "params rebound instead of updated in place",
    explanation:
      "`params = params - lr * grad` makes a new array and binds the local name to it; the caller's array never changes. Update in place: `params -= lr * grad`, `params[:] = …` or `np.copyto(params, …)`.",
  },
  "grad-reference-kept": {
    title: "The state keeps the gradient array itself",
    explanation:
      "`grad` is refilled before every step, so a state entry that is the same array (`state['m'] = grad`) changes under you. Keep a copy (`grad.copy()`, `np.zeros_like(grad)` then `+=`), as PyTorch's buffers are their own tensors.",
  },
  "integer-array": {
    title: "Integer arrays in the state",
    explanation:
      "`np.zeros(n, dtype=int)` or `np.array([0, 0])` makes integer arrays: every update is truncated. Use `np.zeros_like(params)` (float64, like the parameters).",
  },
  "float32-array": {
    title: "float32 arrays in the state",
    explanation:
      "The reference computes in float64, like `torch.float64` parameters; float32 state rounds every update to about 7 digits and drifts past the tolerance. Use `np.zeros_like(params)`.",
  },
};

/** Returns the learner-facing diagnosis for an id. */
export function getDiagnosis(id: DiagnosisId): { id: DiagnosisId; title: string; explanation: string } {
  return { id, ...DIAGNOSES[id] };
}

/** True when `id` is one of DIAGNOSIS_IDS. */
export function isDiagnosisId(id: string): id is DiagnosisId {
  return (DIAGNOSIS_IDS as readonly string[]).includes(id);
}
