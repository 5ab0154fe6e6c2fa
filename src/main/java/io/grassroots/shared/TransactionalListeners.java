package io.grassroots.shared;

import java.lang.reflect.Method;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.event.TransactionalEventListenerFactory;

/**
 * The adapters of the product's own {@code @TransactionalEventListener} methods: Spring's, with the same phase,
 * fallback, order and synchronization, but calling the listener without Spring's per-call look-ups. Spring's adapter
 * asks the context for the listener bean by name on every call and resolves the event's generic type against the
 * method's parameter; a case transition's events make 17 such calls per lifecycle, and that work was about 3 % of the
 * transition's thread (bench/RESULTS.md, lifecycle, 2026-12-04 night). An unordered listener is ordered just before
 * the flush of {@link PendingWrites} (decision cases-29). Here the bean is asked for once (the product's
 * listeners are singletons; any other bean keeps Spring's adapter), and an event whose payload is an instance of the
 * method's plain (non-generic) parameter type is passed as it is; and a before-commit call in a transaction is queued
 * in the transaction's one {@link TransactionTasks} synchronization instead of a synchronization of its own. Listeners with a condition, with
 * {@code classes}, or on a generic or {@link ApplicationEvent} parameter keep Spring's argument resolution.
 */
@Component
class TransactionalListeners extends TransactionalEventListenerFactory implements BeanFactoryAware {

	private static final String PRODUCT = "io.grassroots.";

	private BeanFactory beans;

	TransactionalListeners() {
		setOrder(40); // before Spring's factory (50), which builds the adapters of every other listener
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beans = beanFactory;
	}

	@Override
	public boolean supportsMethod(Method method) {
		return super.supportsMethod(method) && method.getDeclaringClass().getName().startsWith(PRODUCT);
	}

	@Override
	public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
		if (!beans.isSingleton(beanName)) {
			return super.createApplicationListener(beanName, type, method);
		}
		return new Adapter(beanName, type, method);
	}

	/** Spring's adapter with the singleton bean kept and the payload passed straight when its type is plain. */
	static final class Adapter extends TransactionalApplicationListenerMethodAdapter {

		/** The parameter type a payload is passed to as it is; null: Spring resolves the arguments. */
		private final Class<?> plain;

		private volatile Object target;

		/** Whether Spring's callbacks were added to this adapter (then its calls keep Spring's synchronization). */
		private volatile boolean callbacks;

		Adapter(String beanName, Class<?> targetClass, Method method) {
			super(beanName, targetClass, method);
			this.plain = plainParameter(method);
		}

		private static Class<?> plainParameter(Method method) {
			var annotation = AnnotatedElementUtils.findMergedAnnotation(method, TransactionalEventListener.class);
			if (annotation == null || annotation.classes().length > 0 || !annotation.condition().isEmpty()
					|| method.getParameterCount() != 1) {
				return null;
			}
			var parameter = ResolvableType.forMethodParameter(method, 0);
			var raw = method.getParameterTypes()[0];
			return parameter.hasGenerics() || ApplicationEvent.class.isAssignableFrom(raw) ? null : raw;
		}

		/**
		 * A before-commit call in a transaction is queued with the transaction's other calls in one synchronization
		 * ({@link TransactionTasks}) instead of one synchronization per listener and event, at the same place in
		 * the commit; anything else (another phase or order, callbacks, no transaction) is Spring's.
		 */
		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (callbacks || getTransactionPhase() != TransactionPhase.BEFORE_COMMIT
					|| getOrder() != TransactionTasks.ORDER || !TransactionTasks.beforeCommit(() -> processEvent(event))) {
				super.onApplicationEvent(event);
			}
		}

		@Override
		public void addCallback(SynchronizationCallback callback) {
			callbacks = true;
			super.addCallback(callback);
		}

		@Override
		public void processEvent(ApplicationEvent event) {
			if (plain != null && event instanceof PayloadApplicationEvent<?> payload
					&& plain.isInstance(payload.getPayload())) {
				var result = doInvoke(payload.getPayload());
				if (result != null) {
					handleResult(result);
				}
				return;
			}
			super.processEvent(event);
		}

		/**
		 * Spring's order, except that an unordered listener (the lowest precedence) comes just before the flush of the
		 * transaction's {@link PendingWrites}, so the writes it queues before commit go with the others.
		 */
		@Override
		public int getOrder() {
			return Math.min(super.getOrder(), TransactionTasks.ORDER);
		}

		@Override
		protected Object getTargetBean() {
			var bean = target;
			if (bean == null) {
				bean = super.getTargetBean();
				target = bean;
			}
			return bean;
		}

	}

}
